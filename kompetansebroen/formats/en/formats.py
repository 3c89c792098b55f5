"""English dates the way a Norwegian public site writes them in English: "18 November 2024"."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y H:i"
TIME_FORMAT = "H:i"
