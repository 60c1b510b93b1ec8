// Script tests change the working directory; run tests one at a time.
[assembly: DoNotParallelize]
