"""Checklists and sheets to print: their footer with the online address and QR code, and the PDFs."""
