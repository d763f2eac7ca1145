"""Area "report" (Phản ánh an ninh, trật tự): category → place → description → photos (only when the camera
service can take stills) → anonymous or named (identity sub-journey) → review + consent → saved, receipt
printed, shared done screen. GUI thread.

Queue item: kind "report", ``payload`` per :func:`screens.report.model.build_submission` (no personal data),
``personal`` = the identity (encrypted at rest) only when the resident did not choose anonymous.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.context import AppContext


def install(ctx: AppContext) -> None:
    import screens.receipt
    from screens import identity
    from screens.report.category import ReportCategoryScreen
    from screens.report.controller import ReportController
    from screens.report.description import ReportDescriptionScreen
    from screens.report.location import ReportLocationScreen
    from screens.report.photo import ReportPhotoScreen
    from screens.report.review import ReportReviewScreen
    from screens.report.who import ReportWhoScreen
    from screens.scan.bridge import ScanBridge

    built = [ctx.navigator.add(cls()) for cls in (ReportCategoryScreen, ReportLocationScreen,
                                                  ReportDescriptionScreen, ReportPhotoScreen, ReportWhoScreen,
                                                  ReportReviewScreen)]
    review, photo = built[-1], built[3]
    controller = ReportController(ctx, review, photo)
    for screen in built:
        screen.photo_available = controller.photo_available
    ScanBridge(ctx, parent=photo).attach(photo)
    identity.install(ctx)
    screens.receipt.install(ctx)
