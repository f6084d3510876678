IP={{ .WorkerIP }}
PORT={{ get "maand/bucket" "api_port" }}
