print("cache is ready")
