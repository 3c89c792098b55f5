from courses.models.certificate import Certificate
from courses.models.lesson import LessonPage
from courses.models.scorm import ScormPackage
from courses.models.stats import QuestionStat

__all__ = ["Certificate", "LessonPage", "QuestionStat", "ScormPackage"]
