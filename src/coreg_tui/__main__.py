from coreg_tui.cli import main

main()
