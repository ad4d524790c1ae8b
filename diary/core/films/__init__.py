"""Films: finding one from what people type, everything known about it, facts from saved pages."""
