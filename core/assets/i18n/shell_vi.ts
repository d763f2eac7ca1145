<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
  <context>
    <name>CallStaffOverlay</name>
    <message>
      <source>Staff phone: %1</source>
      <translation>Số điện thoại cán bộ: %1</translation>
    </message>
    <message>
      <source>Do you need help?</source>
      <translation>Ông/Bà cần được giúp đỡ?</translation>
    </message>
    <message>
      <source>A ward staff member can come to the station to help you.</source>
      <translation>Cán bộ phường có thể đến trạm để giúp Ông/Bà.</translation>
    </message>
    <message>
      <source>Calling a staff member…</source>
      <translation>Đang gọi cán bộ…</translation>
    </message>
    <message>
      <source>Please wait a moment.</source>
      <translation>Vui lòng chờ trong giây lát.</translation>
    </message>
    <message>
      <source>Your request has been sent</source>
      <translation>Đã gửi yêu cầu</translation>
    </message>
    <message>
      <source>Please stay at the station. A staff member will answer shortly.</source>
      <translation>Vui lòng ở lại trạm. Cán bộ sẽ trả lời ngay.</translation>
    </message>
    <message>
      <source>A staff member has received your request and is on the way</source>
      <translation>Cán bộ đã nhận yêu cầu, đang đến</translation>
    </message>
    <message>
      <source>Please stay at the station.</source>
      <translation>Vui lòng ở lại trạm.</translation>
    </message>
    <message>
      <source>The station cannot reach the ward office right now</source>
      <translation>Trạm chưa liên lạc được với phường lúc này</translation>
    </message>
    <message>
      <source>Please call the ward staff on the number below, or print a slip and take it to the ward office.</source>
      <translation>Vui lòng gọi cán bộ phường theo số dưới đây, hoặc in phiếu và mang đến bộ phận một cửa của phường.</translation>
    </message>
    <message>
      <source>Call a staff member</source>
      <translation>Gọi cán bộ hỗ trợ</translation>
    </message>
    <message>
      <source>Print a slip</source>
      <translation>In phiếu</translation>
    </message>
    <message>
      <source>No, thank you</source>
      <translation>Không, cảm ơn</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
  </context>
  <context>
    <name>ComingSoonScreen</name>
    <message>
      <source>Coming soon</source>
      <translation>Sắp có</translation>
    </message>
    <message>
      <source>This service is not available on this station yet. Please ask the ward staff, who can help you directly.</source>
      <translation>Dịch vụ này chưa có tại trạm. Vui lòng hỏi cán bộ phường để được hỗ trợ trực tiếp.</translation>
    </message>
  </context>
  <context>
    <name>Header</name>
    <message>
      <source>Large text</source>
      <translation>Chữ lớn</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Trợ giúp</translation>
    </message>
    <message>
      <source>Call a staff member</source>
      <translation>Gọi cán bộ hỗ trợ</translation>
    </message>
    <message>
      <source>Stop reading</source>
      <translation>Dừng đọc</translation>
    </message>
    <message>
      <source>Read aloud</source>
      <translation>Nghe hướng dẫn</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>Đã kết nối</translation>
    </message>
    <message>
      <source>Offline</source>
      <translation>Mất kết nối</translation>
    </message>
  </context>
  <context>
    <name>HelpOverlay</name>
    <message>
      <source>Need help?</source>
      <translation>Ông/Bà cần giúp đỡ?</translation>
    </message>
    <message>
      <source>Call the ward staff: %1</source>
      <translation>Gọi cán bộ phường: %1</translation>
    </message>
    <message>
      <source>113  Police</source>
      <translation>113  Công an</translation>
    </message>
    <message>
      <source>114  Fire and rescue</source>
      <translation>114  Cứu hỏa, cứu nạn</translation>
    </message>
    <message>
      <source>115  Ambulance</source>
      <translation>115  Cấp cứu</translation>
    </message>
    <message>
      <source>In an emergency, call now. Do not wait for this machine.</source>
      <translation>Khi khẩn cấp, hãy gọi ngay. Đừng chờ máy này.</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
    <message>
      <source>Read each step aloud: on</source>
      <translation>Tự động đọc từng bước: đang bật</translation>
    </message>
    <message>
      <source>Read each step aloud: off</source>
      <translation>Tự động đọc từng bước: đang tắt</translation>
    </message>
  </context>
  <context>
    <name>HomeScreen</name>
    <message>
      <source>Welcome to the digital citizen station</source>
      <translation>Chào mừng đến Trạm công dân số</translation>
    </message>
    <message>
      <source>Touch a service to begin. Staff are nearby if you need help.</source>
      <translation>Chạm vào một dịch vụ để bắt đầu. Cán bộ luôn ở gần nếu Ông/Bà cần hỗ trợ.</translation>
    </message>
    <message>
      <source>Administrative procedures</source>
      <translation>Thủ tục hành chính</translation>
    </message>
    <message>
      <source>Look up papers, fees, steps</source>
      <translation>Tra cứu giấy tờ, lệ phí, các bước</translation>
    </message>
    <message>
      <source>Submit a dossier</source>
      <translation>Nộp hồ sơ</translation>
    </message>
    <message>
      <source>Scan your ID card, photograph papers</source>
      <translation>Quét căn cước, chụp ảnh giấy tờ</translation>
    </message>
    <message>
      <source>Track a dossier</source>
      <translation>Tra cứu hồ sơ</translation>
    </message>
    <message>
      <source>Scan the code on your receipt</source>
      <translation>Quét mã trên biên nhận</translation>
    </message>
    <message>
      <source>Pay fees</source>
      <translation>Thanh toán lệ phí</translation>
    </message>
    <message>
      <source>Bank transfer with VietQR</source>
      <translation>Chuyển khoản bằng VietQR</translation>
    </message>
    <message>
      <source>Report security and order</source>
      <translation>Phản ánh an ninh, trật tự</translation>
    </message>
    <message>
      <source>Tell the ward police about a problem</source>
      <translation>Báo với công an phường về an ninh, trật tự</translation>
    </message>
    <message>
      <source>Health check</source>
      <translation>Kiểm tra sức khỏe</translation>
    </message>
    <message>
      <source>Blood pressure, SpO2, temperature, weight</source>
      <translation>Huyết áp, SpO2, nhiệt độ, cân nặng</translation>
    </message>
    <message>
      <source>Pay a bill</source>
      <translation>Thanh toán hóa đơn</translation>
    </message>
    <message>
      <source>Electricity, water, school, health insurance</source>
      <translation>Điện, nước, học phí, bảo hiểm y tế</translation>
    </message>
    <message>
      <source>Questions</source>
      <translation>Hỏi đáp</translation>
    </message>
    <message>
      <source>Ask in your own words</source>
      <translation>Hỏi bằng lời của Ông/Bà</translation>
    </message>
    <message>
      <source>Prepared at home</source>
      <translation>Hồ sơ chuẩn bị tại nhà</translation>
    </message>
    <message>
      <source>Scan the QR code on your phone</source>
      <translation>Quét mã QR trên điện thoại</translation>
    </message>
    <message>
      <source>VNeID</source>
      <translation>VNeID</translation>
    </message>
    <message>
      <source>Electronic ID: activate level 2</source>
      <translation>Định danh điện tử: kích hoạt mức 2</translation>
    </message>
    <message>
      <source>Home</source>
      <translation>Trang chủ</translation>
    </message>
  </context>
  <context>
    <name>IdleOverlay</name>
    <message>
      <source>Do you need more time?</source>
      <translation>Ông/Bà có cần thêm thời gian?</translation>
    </message>
    <message>
      <source>For your privacy, the screen will return to the start in %1 seconds and what you entered will be erased.</source>
      <translation>Để bảo vệ thông tin của Ông/Bà, màn hình sẽ trở về trang chủ sau %1 giây và những gì Ông/Bà đã nhập sẽ bị xóa.</translation>
    </message>
    <message>
      <source>I'm still here</source>
      <translation>Tôi vẫn ở đây</translation>
    </message>
    <message>
      <source>Finish now</source>
      <translation>Kết thúc</translation>
    </message>
  </context>
  <context>
    <name>NavBar</name>
    <message>
      <source>◀  Back</source>
      <translation>◀  Quay lại</translation>
    </message>
    <message>
      <source>⌂  Home</source>
      <translation>⌂  Trang chủ</translation>
    </message>
    <message>
      <source>Step %1 of %2</source>
      <translation>Bước %1/%2</translation>
    </message>
  </context>
  <context>
    <name>PinPadScreen</name>
    <message>
      <source>Wrong PIN. %1 tries left.</source>
      <translation>Sai mã PIN. Còn %1 lần thử.</translation>
    </message>
    <message>
      <source>Too many wrong PINs. Try again in %1.</source>
      <translation>Nhập sai quá nhiều lần nên trạm tạm khóa. Vui lòng thử lại sau %1.</translation>
    </message>
    <message>
      <source>Technician access: enter the PIN</source>
      <translation>Truy cập kỹ thuật: nhập mã PIN</translation>
    </message>
  </context>
  <context>
    <name>ProblemScreen</name>
    <message>
      <source>A device of this station is not working right now.</source>
      <translation>Một thiết bị của trạm đang không hoạt động.</translation>
    </message>
    <message>
      <source>This station could not save your request. Nothing was sent.</source>
      <translation>Trạm không lưu được yêu cầu của Ông/Bà. Chưa có gì được gửi đi.</translation>
    </message>
    <message>
      <source>The receipt could not be printed.</source>
      <translation>Không in được biên nhận.</translation>
    </message>
    <message>
      <source>This part of the station is not available.</source>
      <translation>Chức năng này của trạm hiện không dùng được.</translation>
    </message>
    <message>
      <source>Something went wrong on this station.</source>
      <translation>Trạm gặp sự cố.</translation>
    </message>
    <message>
      <source>Sorry, something went wrong</source>
      <translation>Xin lỗi, đã có sự cố</translation>
    </message>
    <message>
      <source>Your request was saved. Your reference number is %1. Please write it down or take a photo.</source>
      <translation>Yêu cầu đã được lưu. Mã tra cứu là %1. Vui lòng ghi lại hoặc chụp ảnh.</translation>
    </message>
    <message>
      <source>Please try again, or ask the ward staff for help. The screen will return to the start by itself.</source>
      <translation>Vui lòng thử lại hoặc nhờ cán bộ phường hỗ trợ. Màn hình sẽ tự trở về trang chủ.</translation>
    </message>
    <message>
      <source>Back to the start</source>
      <translation>Về trang chủ</translation>
    </message>
  </context>
  <context>
    <name>TechnicianDevicesScreen</name>
    <message>
      <source>Device checks</source>
      <translation>Kiểm tra thiết bị</translation>
    </message>
    <message>
      <source>Camera and QR</source>
      <translation>Camera và mã QR</translation>
    </message>
    <message>
      <source>Stop camera test</source>
      <translation>Dừng thử camera</translation>
    </message>
    <message>
      <source>Start camera test</source>
      <translation>Thử camera</translation>
    </message>
    <message>
      <source>Receipt printer</source>
      <translation>Máy in biên nhận</translation>
    </message>
    <message>
      <source>Print test page</source>
      <translation>In trang thử</translation>
    </message>
    <message>
      <source>Health devices</source>
      <translation>Thiết bị đo sức khỏe</translation>
    </message>
    <message>
      <source>Blood pressure</source>
      <translation>Huyết áp</translation>
    </message>
    <message>
      <source>Pulse oximeter</source>
      <translation>Máy đo nồng độ oxy trong máu</translation>
    </message>
    <message>
      <source>Scale</source>
      <translation>Cân và thước đo</translation>
    </message>
    <message>
      <source>Thermometer</source>
      <translation>Nhiệt kế</translation>
    </message>
    <message>
      <source>Test</source>
      <translation>Đo thử</translation>
    </message>
  </context>
  <context>
    <name>TechnicianDiagnosticsScreen</name>
    <message>
      <source>(the log is empty)</source>
      <translation>(nhật ký đang trống)</translation>
    </message>
    <message>
      <source>Saved: %1</source>
      <translation>Đã lưu: %1</translation>
    </message>
    <message>
      <source>Could not save: %1</source>
      <translation>Không lưu được: %1</translation>
    </message>
    <message>
      <source>Diagnostics</source>
      <translation>Chẩn đoán</translation>
    </message>
    <message>
      <source>The last lines of the log (no personal data). Export writes the logs, the settings without secrets and a summary to a USB stick, if one is plugged in.</source>
      <translation>Các dòng cuối của nhật ký (không có dữ liệu cá nhân). Nút Xuất ghi nhật ký, cấu hình (đã ẩn thông tin bí mật) và bản tóm tắt vào USB nếu có cắm USB.</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Làm mới</translation>
    </message>
    <message>
      <source>Export for support</source>
      <translation>Xuất cho bộ phận hỗ trợ</translation>
    </message>
  </context>
  <context>
    <name>TechnicianDoctorScreen</name>
    <message>
      <source>Checking…</source>
      <translation>Đang kiểm tra…</translation>
    </message>
    <message>
      <source>USB adapters plugged in:</source>
      <translation>Bộ chuyển đổi USB đang cắm:</translation>
    </message>
    <message>
      <source>No USB serial adapter plugged in.</source>
      <translation>Không có bộ chuyển đổi USB nối tiếp nào đang cắm.</translation>
    </message>
    <message>
      <source>unknown adapter</source>
      <translation>bộ chuyển đổi chưa biết</translation>
    </message>
    <message>
      <source>To name it, as root: kiosk devices write-rule %1 ROLE</source>
      <translation>Để đặt tên, chạy với quyền root: kiosk devices write-rule %1 VAI_TRÒ</translation>
    </message>
    <message>
      <source>Problems to fix: %1</source>
      <translation>Số lỗi cần khắc phục: %1</translation>
    </message>
    <message>
      <source>All well</source>
      <translation>Mọi thứ đều ổn</translation>
    </message>
    <message>
      <source>Station check</source>
      <translation>Kiểm tra trạm</translation>
    </message>
    <message>
      <source>Everything a technician would check, each with what to do. The same as `kiosk doctor` on the command line.</source>
      <translation>Mọi mục kỹ thuật viên cần kiểm tra, kèm cách khắc phục. Giống lệnh `kiosk doctor` trên dòng lệnh.</translation>
    </message>
    <message>
      <source>Check again</source>
      <translation>Kiểm tra lại</translation>
    </message>
  </context>
  <context>
    <name>TechnicianEnrolScreen</name>
    <message>
      <source>Type the enrolment code, or scan the hub's QR code.</source>
      <translation>Nhập mã đăng ký, hoặc quét mã QR của máy chủ.</translation>
    </message>
    <message>
      <source>Enrolled as %1 with %2. Sync starts now.</source>
      <translation>Đã đăng ký với mã trạm %1 tại %2. Đồng bộ bắt đầu ngay.</translation>
    </message>
    <message>
      <source>The hub cannot be reached. Check the network and the address.</source>
      <translation>Không kết nối được máy chủ. Kiểm tra mạng và địa chỉ.</translation>
    </message>
    <message>
      <source>The hub refused the code: it is wrong, used or expired. Create a new one.</source>
      <translation>Máy chủ từ chối mã: mã sai, đã dùng hoặc hết hạn. Hãy tạo mã mới.</translation>
    </message>
    <message>
      <source>Another kiosk already uses this station code. Set this kiosk's own code ([station] code), or ask the ward's staff to retire the old kiosk.</source>
      <translation>Mã trạm này đã được một trạm khác sử dụng. Vui lòng đặt mã riêng cho trạm này ([station] code), hoặc nhờ cán bộ phường cho trạm cũ ngừng hoạt động.</translation>
    </message>
    <message>
      <source>This station's configuration names another hub ([hub] url).</source>
      <translation>Cấu hình của trạm đang chỉ định máy chủ khác ([hub] url).</translation>
    </message>
    <message>
      <source>No hub address: scan the hub's QR code.</source>
      <translation>Chưa có địa chỉ máy chủ: hãy quét mã QR của máy chủ.</translation>
    </message>
    <message>
      <source>The hub is not trusted: its address must start with https:// and its certificate must match the CA bundle and pinned keys. %1</source>
      <translation>Máy chủ không đáng tin cậy: địa chỉ phải bắt đầu bằng https:// và chứng chỉ phải khớp với tệp chứng chỉ CA và các khóa đã ghim. %1</translation>
    </message>
    <message>
      <source>Enrolment failed: %1</source>
      <translation>Đăng ký thất bại: %1</translation>
    </message>
    <message>
      <source>Enrol this station with the hub</source>
      <translation>Đăng ký trạm với máy chủ</translation>
    </message>
    <message>
      <source>On the hub's dashboard, create an enrolment code; then scan its QR code here.</source>
      <translation>Trên trang quản trị của máy chủ, tạo mã đăng ký rồi quét mã QR của nó tại đây.</translation>
    </message>
    <message>
      <source>Stop scanning</source>
      <translation>Dừng quét</translation>
    </message>
    <message>
      <source>Scan the enrolment QR</source>
      <translation>Quét mã QR đăng ký</translation>
    </message>
    <message>
      <source>Hub address</source>
      <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
      <source>Enrolment code</source>
      <translation>Mã đăng ký</translation>
    </message>
    <message>
      <source>Enrol</source>
      <translation>Đăng ký</translation>
    </message>
  </context>
  <context>
    <name>TechnicianStatusScreen</name>
    <message>
      <source>Sync is not available on this build.</source>
      <translation>Bản cài đặt này không có chức năng đồng bộ.</translation>
    </message>
    <message>
      <source>No printer service on this build.</source>
      <translation>Bản cài đặt này không có máy in.</translation>
    </message>
    <message>
      <source>Already syncing: please wait.</source>
      <translation>Đang đồng bộ, vui lòng chờ.</translation>
    </message>
    <message>
      <source>Sync started.</source>
      <translation>Đã bắt đầu đồng bộ.</translation>
    </message>
    <message>
      <source>Test page printed.</source>
      <translation>Đã in trang thử.</translation>
    </message>
    <message>
      <source>Test page failed: %1</source>
      <translation>In trang thử thất bại: %1</translation>
    </message>
    <message>
      <source>Version %1 from the hub, received %2</source>
      <translation>Phiên bản %1 từ máy chủ, nhận lúc %2</translation>
    </message>
    <message>
      <source>Built into this kiosk (none received from the hub yet)</source>
      <translation>Có sẵn trong trạm (chưa nhận phiên bản nào từ máy chủ)</translation>
    </message>
    <message>
      <source>Not available</source>
      <translation>Không có</translation>
    </message>
    <message>
      <source>Version %1 refused: %2</source>
      <translation>Đã từ chối phiên bản %1: %2</translation>
    </message>
    <message>
      <source>Sync finished: %1 sent.</source>
      <translation>Đồng bộ xong: đã gửi %1 hồ sơ.</translation>
    </message>
    <message>
      <source>Sync stopped: %1</source>
      <translation>Đồng bộ dừng: %1</translation>
    </message>
    <message>
      <source>Printed.</source>
      <translation>Đã in.</translation>
    </message>
    <message>
      <source>Not printed: %1</source>
      <translation>Chưa in được: %1</translation>
    </message>
    <message>
      <source>Idle</source>
      <translation>Đang chờ</translation>
    </message>
    <message>
      <source>Syncing</source>
      <translation>Đang đồng bộ</translation>
    </message>
    <message>
      <source>Hub unreachable</source>
      <translation>Không kết nối được máy chủ</translation>
    </message>
    <message>
      <source>Hub refused this station's token</source>
      <translation>Máy chủ từ chối mã truy cập của trạm</translation>
    </message>
    <message>
      <source>Hub not trusted: check its address (https://), CA bundle and pinned keys</source>
      <translation>Máy chủ không đáng tin cậy: kiểm tra địa chỉ (https://), tệp chứng chỉ CA và các khóa đã ghim</translation>
    </message>
    <message>
      <source>Technician and operator status</source>
      <translation>Trạng thái kỹ thuật và vận hành</translation>
    </message>
    <message>
      <source>Submissions and sync</source>
      <translation>Hồ sơ và đồng bộ</translation>
    </message>
    <message>
      <source>Devices</source>
      <translation>Thiết bị</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>Đồng bộ</translation>
    </message>
    <message>
      <source>Waiting to send</source>
      <translation>Đang chờ gửi</translation>
    </message>
    <message>
      <source>Sending</source>
      <translation>Đang gửi</translation>
    </message>
    <message>
      <source>Will retry</source>
      <translation>Sẽ gửi lại</translation>
    </message>
    <message>
      <source>Rejected (operator must act)</source>
      <translation>Bị từ chối (cần người vận hành xử lý)</translation>
    </message>
    <message>
      <source>Sent (kept until purge)</source>
      <translation>Đã gửi (lưu đến khi xóa định kỳ)</translation>
    </message>
    <message>
      <source>Oldest unsent</source>
      <translation>Hồ sơ chưa gửi lâu nhất</translation>
    </message>
    <message>
      <source>Last successful sync</source>
      <translation>Lần đồng bộ thành công gần nhất</translation>
    </message>
    <message>
      <source>Last attempt</source>
      <translation>Lần thử gần nhất</translation>
    </message>
    <message>
      <source>Last error</source>
      <translation>Lỗi gần nhất</translation>
    </message>
    <message>
      <source>Procedure catalogue</source>
      <translation>Danh mục thủ tục</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>Đồng bộ ngay</translation>
    </message>
    <message>
      <source>Print test page</source>
      <translation>In trang thử</translation>
    </message>
    <message>
      <source>Leave</source>
      <translation>Thoát</translation>
    </message>
    <message>
      <source>Needs attention</source>
      <translation>Cần xử lý</translation>
    </message>
    <message>
      <source>Enrol with hub</source>
      <translation>Đăng ký máy chủ</translation>
    </message>
    <message>
      <source>Diagnostics</source>
      <translation>Chẩn đoán</translation>
    </message>
    <message>
      <source>Station check</source>
      <translation>Kiểm tra trạm</translation>
    </message>
    <message>
      <source>Device checks</source>
      <translation>Kiểm tra thiết bị</translation>
    </message>
  </context>
  <context>
    <name>TechnicianSubmissionsScreen</name>
    <message>
      <source>attempts</source>
      <translation>số lần gửi</translation>
    </message>
    <message>
      <source>Nothing here.</source>
      <translation>Không có hồ sơ nào.</translation>
    </message>
    <message>
      <source>Submissions that need attention</source>
      <translation>Hồ sơ cần người vận hành xử lý</translation>
    </message>
    <message>
      <source>Rejected submissions stay here until an operator sends them again or exports them (kiosk queue export).</source>
      <translation>Hồ sơ bị từ chối được giữ ở đây cho đến khi người vận hành gửi lại hoặc xuất ra (kiosk queue export).</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>Bị từ chối</translation>
    </message>
    <message>
      <source>Waiting to retry</source>
      <translation>Chờ gửi lại</translation>
    </message>
    <message>
      <source>Receipts not printed</source>
      <translation>Biên nhận chưa in</translation>
    </message>
    <message>
      <source>Print selected again</source>
      <translation>In lại biên nhận đã chọn</translation>
    </message>
    <message>
      <source>Send selected again</source>
      <translation>Gửi lại hồ sơ đã chọn</translation>
    </message>
  </context>
  <context>
    <name>TechnicianWords</name>
    <message>
      <source>Camera</source>
      <translation>Camera</translation>
    </message>
    <message>
      <source>Receipt printer</source>
      <translation>Máy in biên nhận</translation>
    </message>
    <message>
      <source>Blood-pressure monitor</source>
      <translation>Máy đo huyết áp</translation>
    </message>
    <message>
      <source>Pulse oximeter</source>
      <translation>Máy đo nồng độ oxy trong máu</translation>
    </message>
    <message>
      <source>Scale</source>
      <translation>Cân và thước đo</translation>
    </message>
    <message>
      <source>Thermometer</source>
      <translation>Nhiệt kế</translation>
    </message>
    <message>
      <source>Spoken guidance</source>
      <translation>Hướng dẫn bằng giọng nói</translation>
    </message>
    <message>
      <source>Video call</source>
      <translation>Gọi video</translation>
    </message>
    <message>
      <source>Not connected</source>
      <translation>Chưa kết nối</translation>
    </message>
    <message>
      <source>Connecting</source>
      <translation>Đang kết nối</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>Sẵn sàng</translation>
    </message>
    <message>
      <source>Working</source>
      <translation>Đang hoạt động</translation>
    </message>
    <message>
      <source>Fault: a person must act</source>
      <translation>Lỗi: cần người xử lý</translation>
    </message>
    <message>
      <source>Unknown state (%1)</source>
      <translation>Trạng thái không xác định (%1)</translation>
    </message>
    <message>
      <source>ID card</source>
      <translation>thẻ căn cước</translation>
    </message>
    <message>
      <source>procedure code</source>
      <translation>mã thủ tục</translation>
    </message>
    <message>
      <source>receipt code</source>
      <translation>mã biên nhận</translation>
    </message>
    <message>
      <source>VietQR payment code</source>
      <translation>mã thanh toán VietQR</translation>
    </message>
    <message>
      <source>hub enrolment code</source>
      <translation>mã đăng ký với máy chủ</translation>
    </message>
    <message>
      <source>link to an unofficial site</source>
      <translation>liên kết tới trang không chính thức</translation>
    </message>
    <message>
      <source>unknown code</source>
      <translation>mã không xác định</translation>
    </message>
    <message>
      <source>No camera service on this build.</source>
      <translation>Bản cài đặt này không có camera.</translation>
    </message>
    <message>
      <source>No health devices on this build.</source>
      <translation>Bản cài đặt này không có thiết bị đo sức khỏe.</translation>
    </message>
    <message>
      <source>Sync is not available on this build.</source>
      <translation>Bản cài đặt này không có chức năng đồng bộ.</translation>
    </message>
    <message>
      <source>%1: waiting to be sent again</source>
      <translation>%1: đang chờ gửi lại</translation>
    </message>
    <message>
      <source>This submission was not found.</source>
      <translation>Không tìm thấy hồ sơ này.</translation>
    </message>
    <message>
      <source>systolic</source>
      <translation>tâm thu</translation>
    </message>
    <message>
      <source>diastolic</source>
      <translation>tâm trương</translation>
    </message>
    <message>
      <source>pulse</source>
      <translation>mạch</translation>
    </message>
    <message>
      <source>weight (kg)</source>
      <translation>cân nặng (kg)</translation>
    </message>
    <message>
      <source>height (cm)</source>
      <translation>chiều cao (cm)</translation>
    </message>
    <message>
      <source>temperature (°C)</source>
      <translation>thân nhiệt (°C)</translation>
    </message>
    <message>
      <source>no result in time</source>
      <translation>không có kết quả trong thời gian chờ</translation>
    </message>
    <message>
      <source>device not available</source>
      <translation>thiết bị không sẵn sàng</translation>
    </message>
    <message>
      <source>Prints normally</source>
      <translation>In bình thường</translation>
    </message>
    <message>
      <source>Out of paper</source>
      <translation>Hết giấy</translation>
    </message>
    <message>
      <source>Switched off</source>
      <translation>Đã tắt</translation>
    </message>
    <message>
      <source>Slow</source>
      <translation>In chậm</translation>
    </message>
    <message>
      <source>not set up in the configuration</source>
      <translation>chưa được thiết lập trong cấu hình</translation>
    </message>
    <message>
      <source>turned off in the configuration</source>
      <translation>đã tắt trong cấu hình</translation>
    </message>
    <message>
      <source>not answering (switched off or unplugged)</source>
      <translation>không phản hồi (đã tắt hoặc rút cáp)</translation>
    </message>
    <message>
      <source>out of paper</source>
      <translation>hết giấy</translation>
    </message>
    <message>
      <source>paper nearly out</source>
      <translation>sắp hết giấy</translation>
    </message>
    <message>
      <source>did not answer in time</source>
      <translation>không phản hồi kịp thời</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>không thành công</translation>
    </message>
    <message>
      <source>opening the port</source>
      <translation>đang mở cổng kết nối</translation>
    </message>
    <message>
      <source>measuring</source>
      <translation>đang đo</translation>
    </message>
    <message>
      <source>released before the camera opened</source>
      <translation>đã dừng trước khi camera mở</translation>
    </message>
    <message>
      <source>no USB serial adapter</source>
      <translation>không có bộ chuyển đổi USB nối tiếp nào</translation>
    </message>
    <message>
      <source>checking %1</source>
      <translation>đang kiểm tra %1</translation>
    </message>
    <message>
      <source>opening %1</source>
      <translation>đang mở %1</translation>
    </message>
    <message>
      <source>%1 (released until a scan starts)</source>
      <translation>%1 (tạm nghỉ cho đến lần quét tiếp theo)</translation>
    </message>
    <message>
      <source>%1; tried again when a scan starts</source>
      <translation>%1; sẽ thử lại khi bắt đầu quét</translation>
    </message>
    <message>
      <source>%1; trying again in %2 s</source>
      <translation>%1; thử lại sau %2 giây</translation>
    </message>
    <message>
      <source>simulated: %1</source>
      <translation>mô phỏng: %1</translation>
    </message>
    <message>
      <source>camera %1</source>
      <translation>camera %1</translation>
    </message>
    <message>
      <source>video file %1</source>
      <translation>tệp video %1</translation>
    </message>
    <message>
      <source>picture folder %1</source>
      <translation>thư mục ảnh %1</translation>
    </message>
    <message>
      <source>sample codes</source>
      <translation>mã mẫu</translation>
    </message>
    <message>
      <source>Detail: %1</source>
      <translation>Chi tiết: %1</translation>
    </message>
    <message>
      <source>font %1</source>
      <translation>Phông chữ %1</translation>
    </message>
    <message>
      <source>Configuration</source>
      <translation>Cấu hình</translation>
    </message>
    <message>
      <source>Technician PIN</source>
      <translation>Mã PIN kỹ thuật viên</translation>
    </message>
    <message>
      <source>Station</source>
      <translation>Trạm</translation>
    </message>
    <message>
      <source>Hub address</source>
      <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
      <source>Hub</source>
      <translation>Máy chủ</translation>
    </message>
    <message>
      <source>Hub certificate</source>
      <translation>Chứng chỉ máy chủ</translation>
    </message>
    <message>
      <source>Enrolment</source>
      <translation>Đăng ký với máy chủ</translation>
    </message>
    <message>
      <source>Clock</source>
      <translation>Đồng hồ</translation>
    </message>
    <message>
      <source>Disk</source>
      <translation>Ổ đĩa</translation>
    </message>
    <message>
      <source>Submission queue</source>
      <translation>Hàng đợi hồ sơ</translation>
    </message>
    <message>
      <source>Services</source>
      <translation>Dịch vụ hệ thống</translation>
    </message>
    <message>
      <source>Procedure catalogue</source>
      <translation>Danh mục thủ tục</translation>
    </message>
    <message>
      <source>missing: %1</source>
      <translation>không tìm thấy: %1</translation>
    </message>
    <message>
      <source>not answering: %1</source>
      <translation>không phản hồi: %1</translation>
    </message>
    <message>
      <source>unreachable: %1</source>
      <translation>không kết nối được: %1</translation>
    </message>
    <message>
      <source>reachable (%1)</source>
      <translation>kết nối được (%1)</translation>
    </message>
    <message>
      <source>unusable: %1</source>
      <translation>không dùng được: %1</translation>
    </message>
    <message>
      <source>simulated (%1)</source>
      <translation>mô phỏng (%1)</translation>
    </message>
    <message>
      <source>answering on %1</source>
      <translation>đang phản hồi trên %1</translation>
    </message>
    <message>
      <source>unplugged while talking: %1</source>
      <translation>bị rút trong khi đang truyền: %1</translation>
    </message>
    <message>
      <source>the sample station %1</source>
      <translation>vẫn là trạm mẫu %1</translation>
    </message>
    <message>
      <source>enrolled as %1</source>
      <translation>đã đăng ký với mã %1</translation>
    </message>
    <message>
      <source>certificate not valid: %1</source>
      <translation>chứng chỉ không hợp lệ: %1</translation>
    </message>
    <message>
      <source>cannot open: %1</source>
      <translation>không mở được: %1</translation>
    </message>
    <message>
      <source>check failed: %1</source>
      <translation>kiểm tra không thành công: %1</translation>
    </message>
    <message>
      <source>%1 MiB free</source>
      <translation>còn trống %1 MiB</translation>
    </message>
    <message>
      <source>only %1 MiB free for %2</source>
      <translation>chỉ còn trống %1 MiB cho %2</translation>
    </message>
    <message>
      <source>cannot read %1: %2</source>
      <translation>không đọc được %1: %2</translation>
    </message>
    <message>
      <source>%1 waiting</source>
      <translation>%1 hồ sơ đang chờ gửi</translation>
    </message>
    <message>
      <source>%1 waiting (oldest %2)</source>
      <translation>%1 hồ sơ đang chờ gửi (lâu nhất %2)</translation>
    </message>
    <message>
      <source>%1 unsent, the oldest for %2</source>
      <translation>%1 hồ sơ chưa gửi, lâu nhất đã %2</translation>
    </message>
    <message>
      <source>%1 rejected</source>
      <translation>%1 hồ sơ bị từ chối</translation>
    </message>
    <message>
      <source>%1 s from the hub</source>
      <translation>lệch %1 giây so với máy chủ</translation>
    </message>
    <message>
      <source>%1 procedures, snapshot of %2</source>
      <translation>%1 thủ tục, bản cập nhật ngày %2</translation>
    </message>
    <message>
      <source>picture %1 from %2</source>
      <translation>hình %1 từ %2</translation>
    </message>
    <message>
      <source>%1 gives no picture</source>
      <translation>%1 không cho hình</translation>
    </message>
    <message>
      <source>present on %1 but silent for %2 s</source>
      <translation>có trên %1 nhưng không phản hồi trong %2 giây</translation>
    </message>
    <message>
      <source>%1 bytes on %2 but no valid %3 frame (%4 bad)</source>
      <translation>%1 byte trên %2 nhưng không có khung %3 hợp lệ (%4 lỗi)</translation>
    </message>
    <message>
      <source>valid</source>
      <translation>hợp lệ</translation>
    </message>
    <message>
      <source>set</source>
      <translation>đã đặt</translation>
    </message>
    <message>
      <source>not used</source>
      <translation>không dùng</translation>
    </message>
    <message>
      <source>simulated</source>
      <translation>mô phỏng</translation>
    </message>
    <message>
      <source>running</source>
      <translation>đang chạy</translation>
    </message>
    <message>
      <source>switched on</source>
      <translation>đang bật</translation>
    </message>
    <message>
      <source>switched on, paper ok</source>
      <translation>đang bật, giấy đủ</translation>
    </message>
    <message>
      <source>switched on (this model does not report paper)</source>
      <translation>đang bật (máy này không báo tình trạng giấy)</translation>
    </message>
    <message>
      <source>switched on, out of paper</source>
      <translation>đang bật, hết giấy</translation>
    </message>
    <message>
      <source>switched on, paper nearly out</source>
      <translation>đang bật, sắp hết giấy</translation>
    </message>
    <message>
      <source>certificate valid</source>
      <translation>chứng chỉ hợp lệ</translation>
    </message>
    <message>
      <source>still the demo PIN 1234</source>
      <translation>vẫn là mã PIN mẫu 1234</translation>
    </message>
    <message>
      <source>a demo hub on this machine</source>
      <translation>máy chủ mẫu trên chính máy này</translation>
    </message>
    <message>
      <source>no hub address</source>
      <translation>chưa có địa chỉ máy chủ</translation>
    </message>
    <message>
      <source>this station has no hub token</source>
      <translation>trạm chưa có mã xác thực của máy chủ</translation>
    </message>
    <message>
      <source>not running under systemd</source>
      <translation>không chạy dưới systemd</translation>
    </message>
    <message>
      <source>missing or unreadable</source>
      <translation>không có hoặc không đọc được</translation>
    </message>
    <message>
      <source>Vietnamese text renders</source>
      <translation>hiển thị được tiếng Việt</translation>
    </message>
    <message>
      <source>loaded</source>
      <translation>đã nạp</translation>
    </message>
    <message>
      <source>make a PIN hash with %1 and put it in %2</source>
      <translation>tạo mã băm PIN bằng %1 rồi ghi vào %2</translation>
    </message>
    <message>
      <source>set %1 name, code and address to this station's</source>
      <translation>đặt name, code và address trong %1 theo trạm này</translation>
    </message>
    <message>
      <source>set %1 to the ward hub (https://…)</source>
      <translation>đặt %1 là địa chỉ máy chủ của phường (https://…)</translation>
    </message>
    <message>
      <source>set %1 and %2 = %3</source>
      <translation>đặt %1 và %2 = %3</translation>
    </message>
    <message>
      <source>plug in the %1 and switch it on; %2 shows the adapters (now: %3); %4 names an unknown one %5</source>
      <translation>cắm %1 và bật lên; %2 liệt kê các bộ chuyển đổi (hiện có: %3); %4 đặt tên %5 cho bộ chưa biết</translation>
    </message>
    <message>
      <source>check %1 protocol and baudrate match the device's manual</source>
      <translation>kiểm tra protocol và baudrate trong %1 khớp với hướng dẫn của thiết bị</translation>
    </message>
    <message>
      <source>switch the %1 on (some models talk only while measuring: start one)</source>
      <translation>bật %1 (một số máy chỉ gửi dữ liệu khi đang đo: hãy đo thử một lần)</translation>
    </message>
    <message>
      <source>plug in the camera (USB); %1 should show camera</source>
      <translation>cắm camera (USB); %1 phải thấy camera</translation>
    </message>
    <message>
      <source>reconnect the camera; check that it is not covered</source>
      <translation>cắm lại camera; kiểm tra camera không bị che</translation>
    </message>
    <message>
      <source>set %1 to usb, serial or network</source>
      <translation>đặt %1 là usb, serial hoặc network</translation>
    </message>
    <message>
      <source>switch the printer on, check its cable and that the lid is shut</source>
      <translation>bật máy in, kiểm tra cáp và nắp máy đã đóng</translation>
    </message>
    <message>
      <source>put in a new 80 mm thermal paper roll</source>
      <translation>lắp cuộn giấy in nhiệt 80 mm mới</translation>
    </message>
    <message>
      <source>have a new paper roll ready; change it soon</source>
      <translation>chuẩn bị cuộn giấy mới; thay sớm</translation>
    </message>
    <message>
      <source>set %1, then %2</source>
      <translation>đặt %1, sau đó chạy %2</translation>
    </message>
    <message>
      <source>%1 with a code from the hub's kiosk page</source>
      <translation>%1 với mã lấy từ trang quản lý trạm của máy chủ</translation>
    </message>
    <message>
      <source>check the date and time, and %1 if the ward uses its own CA</source>
      <translation>kiểm tra ngày giờ, và %1 nếu phường dùng CA riêng</translation>
    </message>
    <message>
      <source>check the network cable or Wi-Fi, and %1</source>
      <translation>kiểm tra cáp mạng hoặc Wi-Fi, và %1</translation>
    </message>
    <message>
      <source>turn on time sync: %1</source>
      <translation>bật đồng bộ thời gian: %1</translation>
    </message>
    <message>
      <source>check that the data folder exists</source>
      <translation>kiểm tra thư mục dữ liệu có tồn tại</translation>
    </message>
    <message>
      <source>free space: %1, remove old files; new submissions need room</source>
      <translation>giải phóng dung lượng: %1, xóa tệp cũ; hồ sơ mới cần chỗ lưu</translation>
    </message>
    <message>
      <source>check the disk; the technician guide explains restoring the queue backup</source>
      <translation>kiểm tra ổ đĩa; hướng dẫn kỹ thuật viên có cách khôi phục bản sao lưu hàng đợi</translation>
    </message>
    <message>
      <source>an operator must look at them: %1</source>
      <translation>cán bộ vận hành cần xem xét: %1</translation>
    </message>
    <message>
      <source>the hub has not taken them: check the hub checks above and %1</source>
      <translation>máy chủ chưa nhận: xem các mục kiểm tra máy chủ ở trên và %1</translation>
    </message>
    <message>
      <source>%1; %2 says why it stopped</source>
      <translation>%1; %2 cho biết lý do dừng</translation>
    </message>
    <message>
      <source>reinstall the package: %1</source>
      <translation>cài lại gói: %1</translation>
    </message>
    <message>
      <source>reinstall the package; the procedures screens are off until then</source>
      <translation>cài lại gói; các màn hình thủ tục tạm tắt cho đến khi đó</translation>
    </message>
    <message>
      <source>fix the named setting; %1 checks again</source>
      <translation>sửa mục cấu hình được nêu; %1 để kiểm tra lại</translation>
    </message>
    <message>
      <source>check the %1's cable, power and paper; %2 shows the adapters</source>
      <translation>kiểm tra cáp, nguồn và giấy của %1; %2 liệt kê các bộ chuyển đổi</translation>
    </message>
  </context>
</TS>