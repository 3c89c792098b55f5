"""Admin additions for editors: a dashboard panel with their own team's work."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from editorial.dashboard import team_overview


class TeamWorkPanel(Component):
    name = "team_work"
    template_name = "editorial/team_work_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(team_overview(self.user))
        return context


@hooks.register("construct_homepage_panels")
def add_team_work_panel(request, panels):
    panels.append(TeamWorkPanel(request.user))
