from khoagiao_cli.cli.base import main

main()
