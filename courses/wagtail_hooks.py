from courses.scorm import admin as scorm_admin  # noqa: F401  (registers Kurs > SCORM-pakker)
