"""Where calls are caught: botocore (in-process), and later requests and moto."""
