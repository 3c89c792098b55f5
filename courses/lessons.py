"""A course's lessons in order, and where a lesson stands among them."""


def lessons_of(course):
    from courses.models import LessonPage

    return list(
        LessonPage.objects.child_of(course).live().public().specific(defer=True).order_by("path")
    )


def lesson_context(lesson):
    course = lesson.get_parent().specific
    lessons = lessons_of(course)
    index = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), 0)
    return {
        "course": course,
        "lessons": lessons,
        "lesson_number": index + 1,
        "previous_lesson": lessons[index - 1] if index > 0 else None,
        "next_lesson": lessons[index + 1] if index + 1 < len(lessons) else None,
    }
