"""What a finished review does (`WAGTAIL_FINISH_WORKFLOW_ACTION`)."""


def publish_reviewed(workflow_state, user=None):
    """Publish the reviewed revision. The review is the authority here: its task decided who
    may approve (a second translator of the language, a coordinator), so the approver needs no
    publish permission of their own. Wagtail's default action checks that permission, which is
    why translators used to hold it, and with it the power to delete and unpublish live pages."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
