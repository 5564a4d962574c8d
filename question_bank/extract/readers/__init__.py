"""Readers that turn a saved article (Markdown, a web page, a PDF) into the plain text extract reads:
a line a paragraph, headings on lines of their own."""
