import maand
print("cache runs at", maand.get("maand/job/cache", "workers"))
