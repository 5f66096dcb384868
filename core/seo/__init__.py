"""What search engines and feed readers see: addresses, head tags, structured data."""
