"""The calculators in the site: their Excel workbooks written into the build."""
