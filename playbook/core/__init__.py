"""What every feature shares: the YAML reader, problems, the one loader, the page's language and address, rendering."""
