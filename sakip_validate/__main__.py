"""``python -m sakip_validate``."""

from sakip_validate.cli import main

main(prog_name="sakip-validate")
