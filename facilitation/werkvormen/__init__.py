"""The werkvormen, one package each: its rules (pure: state, commands, decide, evolve, projections), its three views
(console, projector, phone) and its description (`WERKVORM` in the package), registered in `registry.py`."""
