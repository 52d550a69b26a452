from khoagiao_cli.cli import main

main()
