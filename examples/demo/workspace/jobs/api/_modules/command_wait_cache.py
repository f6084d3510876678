# pre_deploy hook: runs on the machine running maand, once per allocation, before api is staged.
import maand

cache = maand.get_kv_value("maand/job/cache", "workers")
print(f"api on {maand.allocation_ip()}: cache runs on {cache}")
maand.put_job_variable("cache_workers", cache)
