"""Area "report" (Phản ánh an ninh, trật tự): category → place → description → anonymous or named (identity
sub-journey) → review + consent → saved, receipt printed, shared done screen. GUI thread.

Queue item: kind "report", ``payload`` per :func:`screens.report.model.build_submission` (no personal data),
``personal`` = the identity (encrypted at rest) only when the resident did not choose anonymous.
"""

from __future__ import annotations

from typing import Any


def install(ctx: Any) -> None:
    import screens.receipt
    from screens import identity
    from screens.report.journey import ReportController
    from screens.report.screens import (
        ReportCategoryScreen,
        ReportDescriptionScreen,
        ReportLocationScreen,
        ReportReviewScreen,
        ReportWhoScreen,
    )

    for cls in (ReportCategoryScreen, ReportLocationScreen, ReportDescriptionScreen, ReportWhoScreen):
        ctx.navigator.add(cls())
    review = ctx.navigator.add(ReportReviewScreen())
    ReportController(ctx, review)
    identity.install(ctx)
    screens.receipt.install(ctx)
