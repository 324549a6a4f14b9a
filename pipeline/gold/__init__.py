"""Gold annotations: the inline markup used to write them and the JSONL reader."""
