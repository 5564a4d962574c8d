"""Bank files: reading and validating them (TOML, CSV), and the banks shipped in the package."""
