"""The editorial roles the platform creates, and what each may do.

Page permissions are Wagtail's (they apply to a page and everything below it); collection
permissions cover images, documents, films and sound, and SCORM packages in the team's own
collection.
"""

EDITOR_PAGE_PERMISSIONS = ("add", "change", "lock")
MODERATOR_PAGE_PERMISSIONS = ("add", "change", "lock", "publish", "bulk_delete", "unlock")
PROJECT_PAGE_PERMISSIONS = ("add", "change")

MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
    # Collection members like documents, but without an owner: deleting needs its own permission.
    "courses": ("add_scormpackage", "change_scormpackage", "delete_scormpackage"),
    # Films and podcast sound (wagtailmedia has no separate "choose": add/change lets a team
    # pick its own collection's files).
    "wagtailmedia": ("add_media", "change_media"),
}

# The central team's moderators also keep the site's redirects (old addresses, the 404 report).
NATIONAL_MODERATOR_PERMISSIONS = {
    "wagtailredirects": ("add_redirect", "change_redirect", "delete_redirect"),
}
# The organisations credited on resources (partners/): a region's team adds its own and edits
# those of its region (partners/permissions.py); the central team edits and removes any.
REGION_ORGANISATION_PERMISSIONS = {"partners": ("add_organisation", "change_organisation")}
CENTRAL_ORGANISATION_PERMISSIONS = {
    "partners": (
        *REGION_ORGANISATION_PERMISSIONS["partners"],
        "delete_organisation",
        "change_any_organisation",
    )
}

NATIONAL = "national"
MODERATORS_SUFFIX = "-moderators"
# Wagtail's own moderators' group (its migrations create it); its members moderate too.
WAGTAIL_MODERATORS = "Moderators"


def editors_group_name(slug):
    return f"{slug}-editors"


def moderators_group_name(slug):
    return f"{slug}{MODERATORS_SUFFIX}"


def project_group_name(project_slug):
    return f"project-{project_slug}"[:150]
