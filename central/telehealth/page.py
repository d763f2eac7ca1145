"""The doctor's page: server-rendered HTML shell; behaviour in static/doctor.js (no inline script: CSP)."""

from __future__ import annotations

from html import escape


def doctor_page(name: str, ticket: str, duty_hours: str) -> str:
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Khám từ xa — Trạm công dân số</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/telehealth/static/doctor.css">
<script src="/telehealth/static/doctor.js" defer></script>
</head>
<body data-ticket="{escape(ticket)}" data-name="{escape(name)}">
<header>
  <h1>Khám từ xa <span class="muted">— Trạm công dân số</span></h1>
  <div class="who">
    <span id="me">{escape(name)}</span>
    <button id="duty" type="button" aria-pressed="false">Bắt đầu trực</button>
  </div>
</header>
<p id="status" role="status" aria-live="polite">Đang kết nối tới máy chủ…</p>
<main>
  <section class="lists" aria-label="Danh sách">
    <h2>Người dân đang chờ <span id="waiting-count" class="count">0</span></h2>
    <ol id="waiting" class="items"></ol>
    <h2>Cuộc gọi nhỡ</h2>
    <ol id="missed" class="items"></ol>
    <h2>Yêu cầu gọi lại</h2>
    <ol id="callbacks" class="items"></ol>
    <p class="muted">Giờ trực: {escape(duty_hours)}</p>
  </section>
  <section class="call" aria-label="Cuộc gọi">
    <div class="videos">
      <video id="remote" autoplay playsinline aria-label="Hình ảnh người dân"></video>
      <video id="local" autoplay playsinline muted aria-label="Hình ảnh của bạn"></video>
      <p id="call-state" class="call-state">Chưa có cuộc gọi</p>
    </div>
    <div class="controls">
      <button id="hangup" type="button" class="danger" disabled>Kết thúc cuộc gọi</button>
    </div>
    <div class="panel">
      <h2>Chỉ số vừa đo</h2>
      <div id="resident" class="muted">—</div>
      <table id="readings"><thead><tr><th>Chỉ số</th><th>Kết quả</th><th>Đánh giá</th></tr></thead>
        <tbody></tbody></table>
      <h3>Lần đo trước</h3>
      <ul id="trend" class="trend"><li class="muted">—</li></ul>
    </div>
    <form id="caption-form" class="panel">
      <label for="caption-text">Gõ chữ hiện trên màn hình của trạm (cho người nghe kém)</label>
      <div class="row"><input id="caption-text" maxlength="500" autocomplete="off" disabled>
        <button id="caption-send" type="submit" disabled>Gửi chữ</button></div>
      <ol id="captions" class="captions"></ol>
    </form>
    <form id="note-form" class="panel">
      <label for="note">Ghi chú khám</label>
      <textarea id="note" maxlength="2000" rows="3" disabled></textarea>
      <label for="advice">Lời dặn cho người dân (in trên phiếu)</label>
      <textarea id="advice" maxlength="2000" rows="3" disabled></textarea>
      <button id="note-send" type="submit" disabled>Lưu và gửi tới trạm</button>
      <span id="note-state" class="muted"></span>
    </form>
  </section>
</main>
</body>
</html>
"""
