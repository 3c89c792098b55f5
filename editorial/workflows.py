"""Moderation workflows: one group-approval task, assigned to a subtree of the page tree."""

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask


def ensure_approval_workflow(workflow_name, task_name, approvers, page):
    """A one-step workflow where ``approvers`` (groups) approve; assigned to ``page``'s subtree."""
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
    task.groups.set(approvers)
    workflow, _created = Workflow.objects.get_or_create(name=workflow_name)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
