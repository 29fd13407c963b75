"""`python -m auditor` runs the command line."""

from auditor.cli.launch import main

main()
