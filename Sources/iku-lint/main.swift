print("iku-lint")
