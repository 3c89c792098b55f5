"""Guards for public forms and lookups, shared by the apps above (a plain package on the
ground floor, not a Django app): a per-client rate limit that stores no address."""
