"""The configuration schema: every setting a kiosk has, with its label, help and limits.

Sections map to TOML tables (``[station]``, ``[printer]``, ``[health.oximeter]`` ...). The
built-in defaults run everything simulated with a local hub, so a fresh machine just works.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.payee import public_key_problem
from core.wire import MAX_BATCH_ITEMS
from kiosk.config.fields import section, setting
from offline_queue.tls import hub_url_problem, pins_problem

DEVICE_KINDS = ("simulated", "serial", "none")


def bank_bin_problem(value: object) -> str | None:
    ok = value == "" or (isinstance(value, str) and value.isascii() and value.isdigit() and len(value) == 6)
    return None if ok else "a bank BIN is 6 digits, e.g. 970436"


def account_problem(value: object) -> str | None:
    ok = value == "" or (isinstance(value, str) and value.isascii() and value.isalnum() and len(value) <= 19)
    return None if ok else "an account number is at most 19 letters and digits"


def public_url_problem(url: str) -> str | None:
    """Why ``url`` cannot start the status links printed on receipts, or None (empty: not set)."""
    problem = hub_url_problem(url)
    if problem:
        return problem.replace("hub URL", "public URL")
    if url and ("?" in url or "#" in url or "@" in url):
        return "the public URL must be a plain address (no ?query, #fragment or user@)"
    return None


@dataclass(frozen=True)
class StationSettings:
    name: str = setting("Trạm công dân số - Phường Bến Nghé", "Station name", "Tên trạm",
                        "Shown in the header and printed on every receipt.")
    code: str = setting("BN01", "Station code", "Mã trạm",
                        "Short code (letters and digits) that starts every local reference, e.g. BN01-261121-0007.")
    address: str = setting("Tòa nhà A, 12 Nguyễn Huệ, Phường Bến Nghé, TP. Hồ Chí Minh", "Address", "Địa chỉ",
                           "Printed on receipts.")
    # The address pick-list of the dossier forms (issue 17): a resident of these buildings chooses the floor
    # and the flat instead of typing an address; typing stays possible for anywhere else.
    buildings: list = setting(["Tòa nhà A"], "Buildings", "Các tòa nhà",
                              "Buildings whose residents use this station, as written in an address.")
    street_address: str = setting("12 Nguyễn Huệ, Phường Bến Nghé, TP. Hồ Chí Minh", "Street, ward and city",
                                  "Số nhà, đường, phường, tỉnh/thành phố",
                                  "Written after the flat and the building in an address picked on the kiosk.")
    floors: int = setting(20, "Floors", "Số tầng", "0: no address pick-list, residents type the address.",
                          minimum=0, maximum=99)
    flats_per_floor: int = setting(12, "Flats per floor", "Số căn hộ mỗi tầng",
                                   "Flat numbers are the floor then two digits: 1205 is flat 5 on floor 12.",
                                   minimum=1, maximum=60)
    staff_phone: str = setting("028 3822 1234", "Staff phone", "Số điện thoại cán bộ",
                               "Shown on the help screen so residents can call a person.", technician=False)
    language: str = setting("vi", "Default language", "Ngôn ngữ mặc định", "vi or en; residents can switch.",
                            choices=("vi", "en"), technician=False)
    kiosk_mode: bool = setting(True, "Kiosk mode", "Chế độ kiosk",
                               "Frameless fullscreen window that ignores Esc, Alt+F4 and close requests.")
    idle_seconds: int = setting(90, "Idle time before warning (s)", "Thời gian chờ trước khi cảnh báo (giây)",
                                "No touch for this long shows the 'more time' warning.", minimum=15, maximum=1800)
    idle_warning_seconds: int = setting(30, "Warning countdown (s)", "Thời gian đếm ngược cảnh báo (giây)",
                                        "How long the warning stays before the visit is wiped (at least 20 s).",
                                        minimum=20, maximum=300)


@dataclass(frozen=True)
class SecuritySettings:
    # scrypt hash of "1234": the demo PIN of the embedded default; every real install sets its own
    # with `kiosk config hash-pin`.
    technician_pin_hash: str = setting(
        "scrypt$16384$8$1$9775e27ab4b8f1b6f5498e871b5ba79d$"
        "674bb8cae8a679da880c3bc831ed132614219d15d5d0cb46f8ee4eb01938b2d7",
        "Technician PIN hash", "Mã PIN kỹ thuật viên (băm)",
        "scrypt hash made by `kiosk config hash-pin`. Never store the PIN itself.", secret=True)
    operator_pin_hash: str = setting("", "Operator PIN hash", "Mã PIN vận hành (băm)",
                                     "scrypt hash; empty means operators use the technician PIN.", secret=True)
    lockout_after_failures: int = setting(5, "Wrong PINs before lockout", "Số lần sai trước khi khóa",
                                          minimum=3, maximum=10)
    lockout_base_seconds: int = setting(30, "First lockout (s)", "Thời gian khóa lần đầu (giây)",
                                        "Doubles with every further lockout.", minimum=5, maximum=3600)
    technician_idle_seconds: int = setting(180, "Technician mode idle end (s)", "Tự thoát chế độ kỹ thuật (giây)",
                                           minimum=30, maximum=3600)
    # Money goes only where the ward says (issue 13): a payment QR is made only for the payee pinned here, or one
    # signed with the ward's key; any other is never shown, whatever the hub answers, and the attempt is logged
    # and reported in the heartbeat ("payee": "mismatch" | "unsigned" | "bad_signature" | "not_pinned").
    # Outside demo mode at least one of the two must be set (`kiosk config check`).
    payee_bank_bin: str = setting("", "Pinned payee bank BIN", "Mã BIN ngân hàng nhận phí (cố định)",
                                  "6 digits, e.g. 970436; set together with the account.", check=bank_bin_problem)
    payee_account: str = setting("", "Pinned payee account", "Số tài khoản nhận phí (cố định)",
                                 "The ward's fee account number (letters and digits); set together with the bank "
                                 "BIN.", check=account_problem)
    payee_public_key: str = setting("", "Ward payee signing key", "Khóa công khai ký tài khoản nhận phí",
                                    "Base64 Ed25519 public key printed by `kiosk-hub payee keygen` on the ward's "
                                    "machine: the hub's payee must then be signed with the ward's private key.",
                                    check=public_key_problem)


@dataclass(frozen=True)
class HubSettings:
    url: str = setting("", "Hub URL", "Địa chỉ máy chủ",
                       "https://… of the ward hub (http:// only on 127.0.0.1). Empty with local_hub = true "
                       "`make run` starts a hub on 127.0.0.1.", check=hub_url_problem)
    public_url: str = setting("", "Hub public address", "Địa chỉ công khai của máy chủ",
                              "https://… residents' phones can open: the receipt's QR opens the dossier's status "
                              "page there (docs/office.md). Empty: the hub URL; no hub URL either: the QR holds "
                              "the references only.", check=public_url_problem)
    local_hub: bool = setting(True, "Start a local hub", "Chạy máy chủ cục bộ",
                              "Development: `make run` runs a hub on 127.0.0.1; the kiosk enrols with its demo code.")
    token_file: str = setting("", "Token file", "Tệp mã truy cập",
                              "Kiosk bearer token (mode 0600). Empty: in the data directory.")
    ca_bundle: str = setting("", "CA bundle", "Chứng chỉ CA", "PEM file to verify the hub's TLS certificate.")
    pinned_keys: list = setting([], "Pinned hub keys", "Khóa máy chủ được ghim",
                                "sha256/<base64> of a public key in the hub's certificate chain (see docs/tls.md); "
                                "empty: any certificate the CA bundle trusts.", check=pins_problem)
    connect_timeout_seconds: float = setting(5.0, "Connect timeout (s)", "Thời gian chờ kết nối (giây)",
                                             minimum=0.5, maximum=60)
    read_timeout_seconds: float = setting(15.0, "Read timeout (s)", "Thời gian chờ phản hồi (giây)",
                                          minimum=1, maximum=300)
    sync_interval_seconds: int = setting(60, "Sync interval (s)", "Chu kỳ đồng bộ (giây)", minimum=5, maximum=3600)
    batch_size: int = setting(50, "Sync batch size", "Số hồ sơ mỗi lượt gửi", minimum=1, maximum=MAX_BATCH_ITEMS)
    heartbeat_interval_seconds: int = setting(300, "Heartbeat interval (s)", "Chu kỳ báo trạng thái (giây)",
                                              minimum=30, maximum=86400)
    sync_in_gui: bool = setting(True, "Sync from the kiosk app", "Đồng bộ từ ứng dụng kiosk",
                                "false on an installed station: tram-kiosk-sync.service sends the queue and the "
                                "heartbeat, so a frozen or crashed screen does not stop delivery.")
    enrolment_code: str = setting("", "Enrolment code", "Mã đăng ký",
                                  "One-time code from the hub (e.g. ABCD-2345), used when the kiosk has no token. "
                                  "Empty with local_hub = true: the hub's demo code.", secret=True)
    request_timeout_seconds: float = setting(8.0, "Resident request timeout (s)", "Thời gian chờ tra cứu (giây)",
                                             "Tracking and payment requests give up after this, so a resident "
                                             "is never left waiting.", minimum=1, maximum=60)
    offline_probe_seconds: int = setting(15, "Offline probe interval (s)", "Chu kỳ kiểm tra kết nối (giây)",
                                         "While the hub is unreachable, a cheap request checks this often so "
                                         "sending resumes soon after the network returns.", minimum=2, maximum=600)


@dataclass(frozen=True)
class QueueSettings:
    db_path: str = setting("", "Queue database", "Cơ sở dữ liệu hàng đợi", "Empty: kiosk.db in the data directory.")
    key_file: str = setting("", "Encryption key file", "Tệp khóa mã hóa",
                            "AES-GCM key for personal fields (mode 0600). Empty: in the data directory.")
    retention_days: int = setting(30, "Keep sent submissions (days)", "Giữ hồ sơ đã gửi (ngày)",
                                  "Sent rows are purged after this; rejected rows stay until an operator acts.",
                                  minimum=1, maximum=3650)


@dataclass(frozen=True)
class CameraSettings:
    kind: str = setting("simulated", "Camera", "Camera", "opencv: a real camera; simulated: video file or images.",
                        choices=("opencv", "simulated", "none"))
    device: str = setting("0", "Camera index or path", "Chỉ số hoặc đường dẫn camera", "e.g. 0 or /dev/video0")
    simulated_source: str = setting("", "Simulated source", "Nguồn mô phỏng",
                                    "Video file or folder of images; empty: built-in sample codes.")
    width: int = setting(1280, "Width (px)", "Chiều rộng (px)", minimum=320, maximum=3840)
    height: int = setting(720, "Height (px)", "Chiều cao (px)", minimum=240, maximum=2160)
    fps: int = setting(15, "Frames per second", "Số khung hình/giây", minimum=1, maximum=60)
    decoders: list = setting(["zxing", "pyzbar"], "Decoder order", "Thứ tự bộ giải mã",
                             "Backends tried in order: zxing, pyzbar, opencv.")
    pyzbar_every_n_frames: int = setting(5, "pyzbar every N frames", "pyzbar mỗi N khung", minimum=1, maximum=100)
    ladder_after_seconds: float = setting(0.2, "Preprocessing after (s)", "Tiền xử lý sau (giây)",
                                          "Try the extra decoding steps (small codes, glare, blur) this long after "
                                          "a scan begins or a code is read; each frame stays within its budget.",
                                          minimum=0, maximum=60)
    dedupe_seconds: float = setting(4.0, "Ignore repeats for (s)", "Bỏ qua mã lặp trong (giây)", minimum=0, maximum=60)
    scan_timeout_seconds: int = setting(60, "Scan timeout (s)", "Thời gian chờ quét (giây)", minimum=10, maximum=600)


@dataclass(frozen=True)
class PrinterSettings:
    kind: str = setting("simulated", "Printer connection", "Kết nối máy in",
                        choices=("usb", "serial", "network", "file", "simulated", "none"))
    usb_vendor_id: int = setting(0, "USB vendor id", "USB vendor id", "e.g. 0x04b8 for Epson (write as number)")
    usb_product_id: int = setting(0, "USB product id", "USB product id")
    serial_port: str = setting("", "Serial port", "Cổng nối tiếp", "/dev/ttyUSB0 or /dev/serial/by-id/…")
    serial_baudrate: int = setting(19200, "Serial baud rate", "Tốc độ baud", choices=(9600, 19200, 38400, 115200))
    host: str = setting("", "Network host", "Địa chỉ mạng máy in")
    port: int = setting(9100, "Network port", "Cổng mạng", minimum=1, maximum=65535)
    file_path: str = setting("", "Device file", "Tệp thiết bị", "e.g. /dev/usb/lp0")
    profile: str = setting("default", "Printer profile", "Cấu hình máy in", "python-escpos profile, e.g. TM-T88V")
    paper_width_dots: int = setting(576, "Paper width (dots)", "Khổ giấy (điểm)", "576 for 80 mm, 384 for 58 mm",
                                    choices=(384, 576))
    text_mode: bool = setting(False, "Vietnamese text mode", "In chữ bằng bảng mã",
                              "Only for profiles with a tested Vietnamese code page; otherwise text is raster.")
    simulated_mode: str = setting("ok", "Simulated printer mode", "Chế độ máy in mô phỏng",
                                  choices=("ok", "paper_out", "offline", "slow"))
    status_timeout_seconds: float = setting(2.0, "Status query timeout (s)", "Chờ trạng thái (giây)",
                                            minimum=0.2, maximum=30)
    qr_mode: str = setting("auto", "QR printing", "Cách in mã QR",
                           "auto: the printer's own QR command where the profile has it and the content is "
                           "ASCII, else an image (UTF-8 with ECI); "
                           "image: always an image (for clones that lack GS ( k).",
                           choices=("auto", "native", "image"))
    job_timeout_seconds: float = setting(20.0, "Print job timeout (s)", "Thời gian chờ in (giây)",
                                         "A receipt that has not finished by then is reported as failed.",
                                         minimum=2, maximum=120)


@dataclass(frozen=True)
class SerialDeviceSettings:
    kind: str = setting("simulated", "Connection", "Kết nối", choices=DEVICE_KINDS)
    protocol: str = setting("", "Protocol", "Giao thức",
                            "cms50_new, cms50_old, visomat, tanita, generic_scale, mlx90614")
    port: str = setting("", "Port", "Cổng", "/dev/serial/by-id/…, USB VID:PID:serial, or a path")
    baudrate: int = setting(0, "Baud rate", "Tốc độ baud", "0: the protocol's default")
    parity: str = setting("", "Parity", "Bit chẵn lẻ", "Empty: the protocol's default; N, O or E.",
                          choices=("", "N", "O", "E"))
    model: str = setting("", "Model", "Mẫu thiết bị")
    serial: str = setting("", "Serial number", "Số sê-ri",
                          "As printed on the device's label; the ward's device registry knows a device by model and "
                          "serial (`kiosk-hub device`). Empty: readings are labelled as from an unregistered device.")
    validated: bool = setting(False, "Validated model", "Thiết bị đã thẩm định",
                              "True only for models on a recognised validation list (e.g. STRIDE BP).")
    calibration_due: str = setting("", "Calibration due (YYYY-MM-DD)", "Hạn hiệu chuẩn (YYYY-MM-DD)")
    firmware: str = setting("", "Firmware version", "Phiên bản phần mềm thiết bị",
                            "Recorded with every reading (the device does not report it).")
    line_pattern: str = setting("", "Line pattern (generic scale)", "Mẫu dòng dữ liệu (cân thông dụng)",
                                "generic_scale only: regex with groups value, unit, stability; empty: ST,GS,… lines.")




@dataclass(frozen=True)
class ConsultSettings:
    enabled: bool = setting(True, "Video consultation enabled", "Bật gặp bác sĩ trực tuyến", technician=False)
    microphone: str = setting("simulated", "Microphone", "Micrô",
                              "simulated: a test tone; otherwise an ALSA device such as default or hw:1.")
    speaker: str = setting("default", "Loudspeaker", "Loa", "ALSA device for the doctor's voice; none: no sound.")
    volume: int = setting(80, "Volume (%)", "Âm lượng (%)", minimum=0, maximum=100)
    reconnect_seconds: int = setting(15, "Reconnect for (s)", "Thời gian thử kết nối lại (giây)",
                                     "After a network blip the call tries to come back this long, then ends.",
                                     minimum=3, maximum=120)
    wait_timeout_seconds: int = setting(600, "Longest wait (s)", "Thời gian chờ tối đa (giây)",
                                        "No doctor answers within this time: the resident may leave a call-back "
                                        "request.", minimum=30, maximum=3600)


@dataclass(frozen=True)
class HealthSettings:
    enabled: bool = setting(True, "Health check enabled", "Bật kiểm tra sức khỏe", technician=False)
    bp_scheme: str = setting("esh", "Blood-pressure categories", "Phân loại huyết áp",
                             "esh: ESH/ISH (≥140/90, default in Viet Nam); aha: AHA/ACC 2017.", choices=("esh", "aha"))
    bp_rest_seconds: int = setting(180, "Rest before blood pressure (s)", "Thời gian nghỉ trước khi đo huyết áp (giây)",
                                   "Countdown shown before the first reading (guidelines: 3–5 minutes).",
                                   minimum=0, maximum=600)
    bp_between_seconds: int = setting(60, "Pause between readings (s)", "Nghỉ giữa hai lần đo (giây)",
                                      minimum=0, maximum=300)
    oximeter_seconds: float = setting(8.0, "SpO2 steady time (s)", "Thời gian đo SpO2 ổn định (giây)",
                                      "Valid readings needed in a row before the value is taken.",
                                      minimum=1, maximum=60)
    measure_timeout_seconds: int = setting(150, "Measurement timeout (s)", "Thời gian chờ mỗi lần đo (giây)",
                                           "No result from the device within this time: the resident may retry "
                                           "or skip.", minimum=10, maximum=600)
    oximeter: SerialDeviceSettings = section(lambda: SerialDeviceSettings(protocol="cms50_new", model="Contec CMS50E"),
                                             "Pulse oximeter", "Máy đo SpO2")
    blood_pressure: SerialDeviceSettings = section(
        lambda: SerialDeviceSettings(protocol="visomat", model="Visomat Double Comfort"),
        "Blood-pressure monitor", "Máy đo huyết áp")
    scale: SerialDeviceSettings = section(lambda: SerialDeviceSettings(protocol="tanita", model="Tanita WB-3000"),
                                          "Height/weight scale", "Cân và thước đo")
    thermometer: SerialDeviceSettings = section(
        lambda: SerialDeviceSettings(protocol="mlx90614", model="GY-MCU90614"), "Thermometer", "Nhiệt kế")
    consult: ConsultSettings = section(ConsultSettings, "Video consultation", "Gặp bác sĩ trực tuyến")


@dataclass(frozen=True)
class VoiceSettings:
    enabled: bool = setting(True, "Spoken guidance", "Hướng dẫn bằng giọng nói",
                            "The 'Nghe hướng dẫn' button reads the step aloud (espeak-ng, offline).")
    read_each_step: bool = setting(False, "Read each step on arrival", "Đọc mỗi bước khi mở",
                                   "Voice mode: every step's title and instruction is read as it opens.")
    voice: str = setting("vi", "Vietnamese voice", "Giọng đọc tiếng Việt",
                         choices=("vi", "vi-south", "vi-central"))
    speed: int = setting(140, "Speaking speed (words/min)", "Tốc độ đọc (từ/phút)", minimum=80, maximum=220)
    volume: int = setting(100, "Volume", "Âm lượng", "espeak-ng amplitude, 0-200.", minimum=0, maximum=200)


@dataclass(frozen=True)
class LoggingSettings:
    dir: str = setting("", "Log directory", "Thư mục nhật ký", "Empty: the platform log directory.")
    level: str = setting("INFO", "Log level", "Mức nhật ký", choices=("DEBUG", "INFO", "WARNING", "ERROR"))


@dataclass(frozen=True)
class UpdateSettings:
    channel: str = setting("stable", "Update channel", "Kênh cập nhật",
                           "The hub serves packages per channel (e.g. stable, pilot).")
    url: str = setting("", "Update source", "Nguồn cập nhật",
                       "Base URL of the signed packages; empty: <hub url>/updates.")
    public_key: str = setting("", "Update signing key", "Khóa kiểm tra bản cập nhật",
                              "ed25519 public key (base64) of the ward's release key; empty: no update is installed.")
    automatic: bool = setting(True, "Automatic updates", "Tự động cập nhật",
                              "Install between visits when the hub offers a newer signed package.")
    start_timeout_seconds: int = setting(120, "First start timeout (s)", "Thời gian chờ khởi động (giây)",
                                         "The new version must show its home screen within this time, "
                                         "or the previous package is put back.", minimum=20, maximum=900)


@dataclass(frozen=True)
class KioskConfig:
    data_dir: str = setting("", "Data directory", "Thư mục dữ liệu", "Empty: the platform data directory.")
    station: StationSettings = section(StationSettings, "Station", "Trạm")
    security: SecuritySettings = section(SecuritySettings, "Security", "Bảo mật")
    hub: HubSettings = section(HubSettings, "Hub and sync", "Máy chủ và đồng bộ")
    queue: QueueSettings = section(QueueSettings, "Offline queue", "Hàng đợi ngoại tuyến")
    camera: CameraSettings = section(CameraSettings, "Camera and QR", "Camera và mã QR")
    printer: PrinterSettings = section(PrinterSettings, "Receipt printer", "Máy in biên nhận")
    health: HealthSettings = section(HealthSettings, "Health devices", "Thiết bị đo sức khỏe")
    voice: VoiceSettings = section(VoiceSettings, "Spoken guidance", "Hướng dẫn bằng giọng nói")
    logging: LoggingSettings = section(LoggingSettings, "Logging", "Nhật ký")
    update: UpdateSettings = section(UpdateSettings, "Updates", "Cập nhật")
