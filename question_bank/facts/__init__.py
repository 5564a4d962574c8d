"""Facts: an event with its date (at a precision), its units and places, and the entity catalog."""
