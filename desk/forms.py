from django import forms


class RescheduleForm(forms.Form):
    """A scheduled story's new publication time, read in the newsroom's time zone."""

    publish_at = forms.DateTimeField(
        label="Move to",
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
