{"job": "{{ .Job }}", "worker": "{{ .WorkerIP }}", "version": "{{ .NewVersion }}", "cache": "{{ get "maand/job/cache" "workers" }}"}
