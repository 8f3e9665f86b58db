"""Run the command-line interface: `python -m generator`."""

from generator.cli import run

run()
