<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
  <context>
    <name>PreparedNote</name>
    <message>
      <source>Next time you can prepare the dossier at home on your phone: %1 , then scan its QR code at the station (tile 'Prepared at home').</source>
      <translation>Lần sau, Ông/Bà có thể chuẩn bị hồ sơ tại nhà trên điện thoại: %1 , rồi đưa mã QR vào camera tại trạm (ô 'Hồ sơ chuẩn bị tại nhà').</translation>
    </message>
    <message>
      <source>Next time you can prepare the dossier at home on your phone (ask the staff for the ward's preparation page), then scan its QR code at the station (tile 'Prepared at home').</source>
      <translation>Lần sau, Ông/Bà có thể chuẩn bị hồ sơ tại nhà trên điện thoại (vui lòng hỏi cán bộ địa chỉ trang chuẩn bị hồ sơ của phường), rồi đưa mã QR vào camera tại trạm (ô 'Hồ sơ chuẩn bị tại nhà').</translation>
    </message>
  </context>
  <context>
    <name>PreparedScreen</name>
    <message>
      <source>This code was not made by the ward's preparation page, or it was altered.</source>
      <translation>Mã này không do trang chuẩn bị hồ sơ của phường tạo ra, hoặc đã bị sửa đổi.</translation>
    </message>
    <message>
      <source>Please open the code again on your phone, or fill the dossier here.</source>
      <translation>Vui lòng mở lại mã trên điện thoại, hoặc điền hồ sơ tại trạm.</translation>
    </message>
    <message>
      <source>This prepared dossier has expired.</source>
      <translation>Hồ sơ chuẩn bị trước này đã hết hạn.</translation>
    </message>
    <message>
      <source>Please prepare it again on your phone, or fill the dossier here.</source>
      <translation>Vui lòng chuẩn bị lại trên điện thoại, hoặc điền hồ sơ tại trạm.</translation>
    </message>
    <message>
      <source>This prepared dossier was already used at a station.</source>
      <translation>Hồ sơ chuẩn bị trước này đã được dùng tại một trạm.</translation>
    </message>
    <message>
      <source>A code can be used only once. Please prepare it again, or fill the dossier here.</source>
      <translation>Mỗi mã chỉ dùng được một lần. Vui lòng chuẩn bị lại, hoặc điền hồ sơ tại trạm.</translation>
    </message>
    <message>
      <source>The station cannot reach the ward's server right now.</source>
      <translation>Trạm hiện không kết nối được với máy chủ của phường.</translation>
    </message>
    <message>
      <source>Please try again in a moment, or fill the dossier here.</source>
      <translation>Vui lòng thử lại sau ít phút, hoặc điền hồ sơ tại trạm.</translation>
    </message>
    <message>
      <source>This procedure is not in this station's list.</source>
      <translation>Thủ tục này không có trong danh mục của trạm.</translation>
    </message>
    <message>
      <source>Please ask the staff, or choose the procedure here.</source>
      <translation>Vui lòng hỏi cán bộ, hoặc chọn thủ tục tại trạm.</translation>
    </message>
    <message>
      <source>The prepared dossier could not be opened.</source>
      <translation>Không mở được hồ sơ chuẩn bị trước.</translation>
    </message>
    <message>
      <source>Please try again, or fill the dossier here.</source>
      <translation>Vui lòng thử lại, hoặc điền hồ sơ tại trạm.</translation>
    </message>
    <message>
      <source>Dossier prepared at home</source>
      <translation>Hồ sơ chuẩn bị tại nhà</translation>
    </message>
    <message>
      <source>Show the QR code from the ward's preparation page on your phone to the camera. Then scan your ID card and photograph your papers.</source>
      <translation>Vui lòng đưa mã QR trên điện thoại (từ trang chuẩn bị hồ sơ của phường) vào camera. Sau đó quét thẻ căn cước và chụp giấy tờ.</translation>
    </message>
    <message>
      <source>Hold your phone's screen with the QR code in front of the camera</source>
      <translation>Vui lòng đưa màn hình điện thoại có mã QR vào trước camera</translation>
    </message>
    <message>
      <source>Opening your prepared dossier…</source>
      <translation>Đang mở hồ sơ Ông/Bà đã chuẩn bị…</translation>
    </message>
    <message>
      <source>Scan again</source>
      <translation>Quét lại</translation>
    </message>
    <message>
      <source>Fill the dossier here</source>
      <translation>Điền hồ sơ tại trạm</translation>
    </message>
  </context>
</TS>