"""Receipt printing: model and layout, Vietnamese raster rendering, ESC/POS driver, worker (docs/printing.md)."""
