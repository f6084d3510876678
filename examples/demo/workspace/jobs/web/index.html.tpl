<h1>{{ get "vars/bucket" "greeting" }}</h1>
<p>web on {{ .WorkerIP }} port {{ get "maand/bucket" "web_port" }}, api on port {{ get "maand/bucket" "api_port" }}</p>
