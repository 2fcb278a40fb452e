"""The views of the stellingen werkvorm, one module per role."""
