"""A doc template that can name the flowable it could not place."""
from __future__ import annotations


class Placing:
    """Mixed into a doc template: remembers the flowable it is placing, so that one
    too large for any page can be named (reportlab's LayoutError only describes it)."""
    placing = None

    def handle_flowable(self, flowables):
        if flowables:
            self.placing = flowables[0]
        return super().handle_flowable(flowables)
