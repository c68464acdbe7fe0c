from labbook.cli import main

main()
