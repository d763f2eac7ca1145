<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
  <context>
    <name>CitizenLanguage</name>
    <message>
      <source>English</source>
      <translation>Tiếng Việt</translation>
    </message>
  </context>
  <context>
    <name>IdentityConfirmScreen</name>
    <message>
      <source>Are these your details?</source>
      <translation>Thông tin này có đúng của Ông/Bà không?</translation>
    </message>
    <message>
      <source>Check each line. Touch “Edit” to correct it.</source>
      <translation>Xem lại từng dòng. Chạm “Sửa” nếu cần sửa.</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>Sửa</translation>
    </message>
    <message>
      <source>✓  Yes, this is correct</source>
      <translation>✓  Đúng, tiếp tục</translation>
    </message>
  </context>
  <context>
    <name>IdentityManualScreen</name>
    <message>
      <source>Type your details</source>
      <translation>Nhập thông tin của Ông/Bà</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>Nam</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>Nữ</translation>
    </message>
    <message>
      <source>DD/MM/YYYY</source>
      <translation>NN/TT/NNNN</translation>
    </message>
    <message>
      <source>12 digits</source>
      <translation>12 chữ số</translation>
    </message>
    <message>
      <source>✓  Done</source>
      <translation>✓  Xong</translation>
    </message>
  </context>
  <context>
    <name>IdentityScanScreen</name>
    <message>
      <source>Scan your ID card</source>
      <translation>Quét thẻ căn cước</translation>
    </message>
    <message>
      <source>Hold the QR code of your citizen ID card to the camera. Your details are used only for this visit and erased when you leave.</source>
      <translation>Đưa mã QR trên thẻ căn cước trước camera. Thông tin chỉ dùng cho lần này và được xóa khi Ông/Bà rời máy.</translation>
    </message>
    <message>
      <source>Show the QR code on your ID card</source>
      <translation>Đưa mã QR trên thẻ căn cước vào khung</translation>
    </message>
  </context>
  <context>
    <name>OnScreenKeyboard</name>
    <message>
      <source>space</source>
      <translation>dấu cách</translation>
    </message>
    <message>
      <source>Clear all</source>
      <translation>Xóa hết</translation>
    </message>
    <message>
      <source>Telex: on</source>
      <translation>Telex: bật</translation>
    </message>
    <message>
      <source>Telex: off</source>
      <translation>Telex: tắt</translation>
    </message>
    <message>
      <source>Done ✓</source>
      <translation>Xong ✓</translation>
    </message>
  </context>
  <context>
    <name>PhotoCamera</name>
    <message>
      <source>The camera is not working right now.
You can go on without a picture.</source>
      <translation>Camera hiện không hoạt động.
Ông/Bà có thể tiếp tục mà không cần ảnh.</translation>
    </message>
  </context>
  <context>
    <name>ProcedureDetailScreen</name>
    <message>
      <source>Procedure not found</source>
      <translation>Không tìm thấy thủ tục</translation>
    </message>
    <message>
      <source>Free of charge</source>
      <translation>Miễn phí</translation>
    </message>
    <message>
      <source>(other cases need other papers: see below)</source>
      <translation>(trường hợp khác cần giấy tờ khác: xem bên dưới)</translation>
    </message>
    <message>
      <source>In person</source>
      <translation>Nộp trực tiếp</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>Nộp trực tuyến</translation>
    </message>
    <message>
      <source>By post</source>
      <translation>Qua bưu chính</translation>
    </message>
    <message>
      <source>Bring</source>
      <translation>Mang theo</translation>
    </message>
    <message>
      <source>Fee</source>
      <translation>Lệ phí</translation>
    </message>
    <message>
      <source>How long</source>
      <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>Nơi nộp</translation>
    </message>
    <message>
      <source>%1: fee %2</source>
      <translation>%1: lệ phí %2</translation>
    </message>
    <message>
      <source>(free for some people)</source>
      <translation>(miễn phí cho một số trường hợp)</translation>
    </message>
    <message>
      <source>Time limit: %1</source>
      <translation>Thời hạn giải quyết: %1</translation>
    </message>
    <message>
      <source>Case: %1</source>
      <translation>Trường hợp: %1</translation>
    </message>
    <message>
      <source>Originals: %1 · Copies: %2</source>
      <translation>Bản chính: %1 · Bản sao: %2</translation>
    </message>
    <message>
      <source>Form: %1</source>
      <translation>Mẫu: %1</translation>
    </message>
    <message>
      <source>The details below are in Vietnamese, in the station team's plain words.</source>
      <translation>Phần chi tiết dưới đây bằng tiếng Việt, do nhóm vận hành trạm viết lại bằng lời dễ hiểu.</translation>
    </message>
    <message>
      <source>The details below are shown in Vietnamese, as officially published.</source>
      <translation>Nội dung dưới đây giữ nguyên tiếng Việt như văn bản chính thức.</translation>
    </message>
    <message>
      <source>In short</source>
      <translation>Tóm tắt</translation>
    </message>
    <message>
      <source>Who handles it, and where to submit</source>
      <translation>Cơ quan giải quyết và nơi nộp</translation>
    </message>
    <message>
      <source>Handled by: %1</source>
      <translation>Cơ quan giải quyết: %1</translation>
    </message>
    <message>
      <source>Fees and time</source>
      <translation>Lệ phí và thời gian</translation>
    </message>
    <message>
      <source>This station has no information about this procedure. Please ask the staff.</source>
      <translation>Trạm chưa có thông tin về thủ tục này. Vui lòng hỏi cán bộ.</translation>
    </message>
    <message>
      <source>%1 · Information updated %2</source>
      <translation>%1 · Cập nhật ngày %2</translation>
    </message>
    <message>
      <source>Please ask the staff</source>
      <translation>Vui lòng hỏi cán bộ</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Chi tiết</translation>
    </message>
    <message>
      <source>Papers to bring</source>
      <translation>Giấy tờ cần mang</translation>
    </message>
    <message>
      <source>Steps</source>
      <translation>Các bước thực hiện</translation>
    </message>
    <message>
      <source>Conditions</source>
      <translation>Điều kiện</translation>
    </message>
    <message>
      <source>Legal basis</source>
      <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
      <source>What you receive</source>
      <translation>Kết quả nhận được</translation>
    </message>
    <message>
      <source>Sources of each fact</source>
      <translation>Nguồn của từng thông tin</translation>
    </message>
    <message>
      <source>About this information</source>
      <translation>Về thông tin này</translation>
    </message>
    <message>
      <source>Papers</source>
      <translation>Giấy tờ</translation>
    </message>
    <message>
      <source>Written in plain words by the station team from the legal documents listed above; checked %1. What they do not state is left to the staff: please ask them.</source>
      <translation>Nhóm vận hành trạm viết lại bằng lời dễ hiểu từ các văn bản pháp luật nêu trên; kiểm tra ngày %1. Những gì văn bản không nêu, vui lòng hỏi cán bộ.</translation>
    </message>
    <message>
      <source>Copied from the public-service portal; last updated %1. Fees and papers may have changed since: the staff can confirm.</source>
      <translation>Lấy từ Cổng dịch vụ công; cập nhật ngày %1. Lệ phí và giấy tờ có thể đã thay đổi: cán bộ tại đây sẽ xác nhận giúp Ông/Bà.</translation>
    </message>
    <message>
      <source>Scan with your phone to open the official page</source>
      <translation>Quét bằng điện thoại để mở trang chính thức</translation>
    </message>
    <message>
      <source>Apply for this procedure</source>
      <translation>Nộp hồ sơ cho thủ tục này</translation>
    </message>
  </context>
  <context>
    <name>ProcedureListScreen</name>
    <message>
      <source>Touch a procedure to see the papers, fee and steps.</source>
      <translation>Chạm vào một thủ tục để xem giấy tờ, lệ phí và các bước.</translation>
    </message>
  </context>
  <context>
    <name>ProcedureScanScreen</name>
    <message>
      <source>This code is official, but the procedure is not in this station's list yet. Please ask the staff.</source>
      <translation>Đây là mã chính thức, nhưng thủ tục này chưa có trong danh mục của trạm. Vui lòng hỏi cán bộ.</translation>
    </message>
    <message>
      <source>Scan the code on a poster</source>
      <translation>Quét mã trên áp phích</translation>
    </message>
    <message>
      <source>Hold the poster's QR code in front of the camera</source>
      <translation>Đưa mã QR trên áp phích trước camera</translation>
    </message>
  </context>
  <context>
    <name>ProcedureSearchScreen</name>
    <message>
      <source>Type a few words, e.g. “thuong tru”; accents are not needed.</source>
      <translation>Vui lòng gõ vài chữ, ví dụ “thuong tru”; không cần gõ dấu.</translation>
    </message>
    <message>
      <source>Found: %1</source>
      <translation>Tìm thấy: %1</translation>
    </message>
    <message>
      <source>Nothing found. Try other words, or ask the staff.</source>
      <translation>Không tìm thấy. Hãy thử từ khác, hoặc hỏi cán bộ.</translation>
    </message>
    <message>
      <source>Search for a procedure</source>
      <translation>Tìm thủ tục</translation>
    </message>
    <message>
      <source>What do you need to do?</source>
      <translation>Ông/Bà cần làm thủ tục gì?</translation>
    </message>
  </context>
  <context>
    <name>Procedures</name>
    <message>
      <source>free of charge</source>
      <translation>miễn phí</translation>
    </message>
    <message>
      <source>Fee: %1</source>
      <translation>Lệ phí: %1</translation>
    </message>
  </context>
  <context>
    <name>ProceduresScreen</name>
    <message>
      <source>Procedures: %1</source>
      <translation>Số thủ tục: %1</translation>
    </message>
    <message>
      <source>Administrative procedures</source>
      <translation>Thủ tục hành chính</translation>
    </message>
    <message>
      <source>Find out which papers to bring, the fee and the steps.</source>
      <translation>Xem cần mang giấy tờ gì, lệ phí bao nhiêu và các bước làm.</translation>
    </message>
    <message>
      <source>⌕  Find a procedure</source>
      <translation>⌕  Tìm thủ tục</translation>
    </message>
    <message>
      <source>▣  Scan a poster</source>
      <translation>▣  Quét mã trên áp phích</translation>
    </message>
    <message>
      <source>Or choose a field:</source>
      <translation>Hoặc chọn lĩnh vực:</translation>
    </message>
    <message>
      <source>The list of procedures is not available right now. Please ask the staff.</source>
      <translation>Danh mục thủ tục hiện chưa sẵn sàng. Vui lòng hỏi cán bộ.</translation>
    </message>
  </context>
  <context>
    <name>Report</name>
    <message>
      <source>Report on security and order</source>
      <translation>Phản ánh an ninh, trật tự</translation>
    </message>
    <message>
      <source>About</source>
      <translation>Loại việc</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>Nơi nộp</translation>
    </message>
    <message>
      <source>In an emergency, call 113.</source>
      <translation>Nếu khẩn cấp, gọi 113.</translation>
    </message>
    <message>
      <source>Disorder or noise</source>
      <translation>Mất trật tự, gây ồn ào</translation>
    </message>
    <message>
      <source>Theft</source>
      <translation>Trộm cắp</translation>
    </message>
    <message>
      <source>Fighting or harassment</source>
      <translation>Đánh nhau, gây rối</translation>
    </message>
    <message>
      <source>Large crowd gathering</source>
      <translation>Tụ tập đông người</translation>
    </message>
    <message>
      <source>Fire or explosion risk</source>
      <translation>Nguy cơ cháy, nổ</translation>
    </message>
    <message>
      <source>Drugs</source>
      <translation>Ma túy</translation>
    </message>
    <message>
      <source>Fraud or scam</source>
      <translation>Lừa đảo</translation>
    </message>
    <message>
      <source>Traffic violation in the residential area</source>
      <translation>Vi phạm giao thông trong khu dân cư</translation>
    </message>
    <message>
      <source>Something else</source>
      <translation>Việc khác</translation>
    </message>
    <message>
      <source>Lobby</source>
      <translation>Sảnh</translation>
    </message>
    <message>
      <source>Parking basement</source>
      <translation>Hầm xe</translation>
    </message>
    <message>
      <source>Elevator</source>
      <translation>Thang máy</translation>
    </message>
    <message>
      <source>Corridor or stairs</source>
      <translation>Hành lang, cầu thang</translation>
    </message>
    <message>
      <source>An apartment</source>
      <translation>Trong căn hộ</translation>
    </message>
    <message>
      <source>Yard or grounds</source>
      <translation>Sân, khuôn viên</translation>
    </message>
    <message>
      <source>Street or path around the building</source>
      <translation>Đường, lối đi quanh tòa nhà</translation>
    </message>
    <message>
      <source>Somewhere else</source>
      <translation>Nơi khác</translation>
    </message>
    <message>
      <source>Block %1</source>
      <translation>Tòa %1</translation>
    </message>
    <message>
      <source>Floor %1</source>
      <translation>Tầng %1</translation>
    </message>
    <message>
      <source>Apartment %1</source>
      <translation>Căn %1</translation>
    </message>
  </context>
  <context>
    <name>ReportCategoryScreen</name>
    <message>
      <source>Report a security or order problem</source>
      <translation>Phản ánh an ninh, trật tự</translation>
    </message>
    <message>
      <source>Your report goes to the ward police. What is it about?</source>
      <translation>Phản ánh được gửi tới Công an phường. Ông/Bà muốn báo việc gì?</translation>
    </message>
  </context>
  <context>
    <name>ReportDescriptionScreen</name>
    <message>
      <source>What happened?</source>
      <translation>Đã xảy ra chuyện gì?</translation>
    </message>
    <message>
      <source>Describe it in a few words: what, when, how many people.</source>
      <translation>Kể ngắn gọn: việc gì, lúc nào, bao nhiêu người.</translation>
    </message>
    <message>
      <source>Please write a little more.</source>
      <translation>Vui lòng viết thêm một chút.</translation>
    </message>
    <message>
      <source>Continue  ▶</source>
      <translation>Tiếp tục  ▶</translation>
    </message>
  </context>
  <context>
    <name>ReportLocationScreen</name>
    <message>
      <source>Where is it happening?</source>
      <translation>Việc xảy ra ở đâu?</translation>
    </message>
    <message>
      <source>Block (if known)</source>
      <translation>Tòa (nếu biết)</translation>
    </message>
    <message>
      <source>Floor</source>
      <translation>Tầng</translation>
    </message>
    <message>
      <source>Apartment</source>
      <translation>Căn hộ</translation>
    </message>
    <message>
      <source>Continue  ▶</source>
      <translation>Tiếp tục  ▶</translation>
    </message>
  </context>
  <context>
    <name>ReportPhotoScreen</name>
    <message>
      <source>No picture could be taken. You can continue without one.</source>
      <translation>Không chụp được ảnh. Ông/Bà có thể tiếp tục mà không cần ảnh.</translation>
    </message>
    <message>
      <source>Pictures taken: %1 of %2</source>
      <translation>Đã chụp: %1/%2 ảnh</translation>
    </message>
    <message>
      <source>Continue  ▶</source>
      <translation>Tiếp tục  ▶</translation>
    </message>
    <message>
      <source>Skip: no picture  ▶</source>
      <translation>Bỏ qua, không chụp ảnh  ▶</translation>
    </message>
    <message>
      <source>A picture (optional)</source>
      <translation>Chụp ảnh (không bắt buộc)</translation>
    </message>
    <message>
      <source>Hold a photo or the thing you report in front of the camera, then touch “Take a picture”. Do not photograph people's faces.</source>
      <translation>Đưa ảnh hoặc vật Ông/Bà muốn báo trước camera rồi chạm “Chụp ảnh”. Không chụp mặt người khác.</translation>
    </message>
    <message>
      <source>Point the camera at what you want to show</source>
      <translation>Hướng camera vào thứ Ông/Bà muốn cho xem</translation>
    </message>
    <message>
      <source>◉  Take a picture</source>
      <translation>◉  Chụp ảnh</translation>
    </message>
    <message>
      <source>Delete the last picture</source>
      <translation>Xóa ảnh vừa chụp</translation>
    </message>
  </context>
  <context>
    <name>ReportReviewScreen</name>
    <message>
      <source>Anonymous: no name is sent</source>
      <translation>Ẩn danh: không gửi họ tên</translation>
    </message>
    <message>
      <source>Check and send</source>
      <translation>Kiểm tra và gửi</translation>
    </message>
    <message>
      <source>About</source>
      <translation>Loại việc</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>Nơi nộp</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>Sự việc</translation>
    </message>
    <message>
      <source>Pictures</source>
      <translation>Ảnh đính kèm</translation>
    </message>
    <message>
      <source>Sent by</source>
      <translation>Người gửi</translation>
    </message>
    <message>
      <source>I agree that this report is sent to the ward police to check and handle it. If I gave my name, they may use my name and ID number to contact me.</source>
      <translation>Tôi đồng ý gửi phản ánh này cho Công an phường để xác minh, xử lý. Nếu tôi để lại tên, Công an phường được dùng họ tên và số định danh của tôi để liên hệ.</translation>
    </message>
    <message>
      <source>I agree</source>
      <translation>Tôi đồng ý</translation>
    </message>
    <message>
      <source>Saving your report…</source>
      <translation>Đang lưu phản ánh…</translation>
    </message>
    <message>
      <source>Send the report</source>
      <translation>Gửi phản ánh</translation>
    </message>
  </context>
  <context>
    <name>ReportWhoScreen</name>
    <message>
      <source>Do you want to give your name?</source>
      <translation>Ông/Bà có muốn để lại tên không?</translation>
    </message>
    <message>
      <source>Send without my name (anonymous)</source>
      <translation>Gửi không kèm tên (ẩn danh)</translation>
    </message>
    <message>
      <source>No name or ID number is sent. The police cannot contact you.</source>
      <translation>Không gửi họ tên, số định danh. Công an sẽ không liên hệ lại được với Ông/Bà.</translation>
    </message>
    <message>
      <source>Send with my name</source>
      <translation>Gửi kèm tên của tôi</translation>
    </message>
    <message>
      <source>Scan your ID card, so the police can contact you if needed.</source>
      <translation>Quét thẻ căn cước để Công an có thể liên hệ lại khi cần.</translation>
    </message>
  </context>
  <context>
    <name>IdentityScreen</name>
    <message>
      <source>Full name</source>
      <translation>Họ và tên</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>Số định danh</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Ngày sinh</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Giới tính</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Địa chỉ</translation>
    </message>
    <message>
      <source>Please type your full name.</source>
      <translation>Vui lòng nhập họ và tên.</translation>
    </message>
    <message>
      <source>The name must not contain digits.</source>
      <translation>Họ tên không được có chữ số.</translation>
    </message>
    <message>
      <source>The ID number has exactly 12 digits.</source>
      <translation>Số định danh gồm đúng 12 chữ số.</translation>
    </message>
    <message>
      <source>Type the date of birth as day/month/year, e.g. 15/03/1985.</source>
      <translation>Nhập ngày sinh theo ngày/tháng/năm, ví dụ 15/03/1985.</translation>
    </message>
    <message>
      <source>The date of birth cannot be in the future.</source>
      <translation>Ngày sinh không thể ở tương lai.</translation>
    </message>
    <message>
      <source>Please check the year of birth.</source>
      <translation>Vui lòng kiểm tra lại năm sinh.</translation>
    </message>
    <message>
      <source>Please choose Male or Female.</source>
      <translation>Vui lòng chọn Nam hoặc Nữ.</translation>
    </message>
    <message>
      <source>Please type your address.</source>
      <translation>Vui lòng nhập địa chỉ.</translation>
    </message>
    <message>
      <source>The address is too long.</source>
      <translation>Địa chỉ quá dài.</translation>
    </message>
    <message>
      <source>The ID number does not match the gender. Please check both.</source>
      <translation>Số định danh không khớp với giới tính. Vui lòng kiểm tra lại cả hai.</translation>
    </message>
    <message>
      <source>The ID number does not match the year of birth. Please check both.</source>
      <translation>Số định danh không khớp với năm sinh. Vui lòng kiểm tra lại cả hai.</translation>
    </message>
    <message>
      <source>The card's issue date is before the date of birth.</source>
      <translation>Ngày cấp thẻ sớm hơn ngày sinh.</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>Nam</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>Nữ</translation>
    </message>
  </context>
  <context>
    <name>_ReportScreen</name>
    <message>
      <source>In an emergency, call 113 (police) · 114 (fire) · 115 (ambulance)</source>
      <translation>Nếu khẩn cấp, gọi 113 (công an) · 114 (cứu hỏa) · 115 (cấp cứu)</translation>
    </message>
  </context>
</TS>