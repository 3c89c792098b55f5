from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Courses taken in the portal: lessons, question blocks, exams and their scoring,
    course certificates (kursbevis) and SCORM packages.

    It sits below resources (whose CoursePage delivers a course with it) and above the ground
    floor: it knows a course only through the fields CoursePage declares, never its class.
    """

    name = "courses"
    verbose_name = _("Kurs")

    def ready(self):
        from courses.scorm import store  # models are importable only once the apps are ready

        store.connect()
