"""Engines that run ``pipeline.extract.extract_batch`` elsewhere than in local worker processes."""
