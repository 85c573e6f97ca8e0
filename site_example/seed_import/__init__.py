"""Turn the scraped Scientific Spaces listing pages into the example site's blog posts."""
