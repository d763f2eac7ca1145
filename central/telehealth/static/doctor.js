// The doctor's side of a consultation: duty, the waiting list, WebRTC with the kiosk (the browser offers),
// captions and the note. Signalling only goes through the hub; the media goes peer to peer.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const ticket = document.body.dataset.ticket;
  const LEVELS = { good: 'Bình thường', normal: 'Bình thường', caution: 'Cần theo dõi', high: 'Cao', low: 'Thấp',
    urgent: 'Nguy hiểm — cần xử trí ngay' };
  const ENDED_BY = { kiosk: 'Người dân đã kết thúc cuộc gọi.', doctor: 'Bạn đã kết thúc cuộc gọi.',
    network: 'Trạm mất kết nối, cuộc gọi đã kết thúc.', 'no-doctor': 'Cuộc gọi đã kết thúc.' };
  let ws = null; let pc = null; let local = null; let iceServers = []; let current = null; let onDuty = false;
  let videoOn = true;  // off while the kiosk's network is weak (sound only)

  function setStatus(text) { $('status').textContent = text; }
  function setCallState(text) { $('call-state').textContent = text; }
  function send(msg) { if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg)); }
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function time(iso) {
    return new Date(iso).toLocaleString('vi-VN', { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit' });
  }
  function summary(readings) {
    return Object.values(readings || {}).map((r) => `${r.label}: ${r.value}${r.unit ? ' ' + r.unit : ''}`).join(' · ');
  }
  function who(resident) {
    const parts = [];
    if (resident && resident.name) parts.push(resident.name);
    if (resident && resident.age !== undefined) parts.push(`${resident.age} tuổi`);
    return parts.length ? parts.join(', ') : 'Người dân (không chia sẻ tên)';
  }

  function connect() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    ws = new WebSocket(`${proto}//${location.host}/telehealth/ws?ticket=${encodeURIComponent(ticket)}`);
    ws.onopen = () => { setStatus('Đã kết nối. Bấm "Bắt đầu trực" để nhận cuộc gọi.'); if (onDuty) send({ type: 'duty', on: true }); };
    ws.onmessage = (event) => handle(JSON.parse(event.data));
    ws.onclose = (event) => {
      if (event.code === 1008) { setStatus('Phiên đăng nhập đã hết hạn. Vui lòng tải lại trang.'); return; }
      setStatus('Mất kết nối tới máy chủ, đang kết nối lại…');
      setTimeout(connect, 2000);
    };
  }

  function handle(msg) {
    switch (msg.type) {
      case 'hello': iceServers = msg.ice_servers || []; break;
      case 'list': renderLists(msg); break;
      case 'accepted': current = msg.consultation; iceServers = msg.ice_servers || iceServers; showConsultation(current);
        startCall().catch((err) => setStatus(`Không mở được camera hoặc micrô: ${err.message}`)); break;
      case 'answer': if (pc) pc.setRemoteDescription({ type: 'answer', sdp: msg.sdp }); break;
      case 'ice-state':  // the kiosk lost the media path: offer again (an ICE restart by a fresh connection)
        if (msg.state === 'failed' && current) { setCallState('Mạng chập chờn, đang kết nối lại…'); startCall(); }
        break;
      case 'quality': setVideo(msg.video);
        setCallState(msg.video ? 'Mạng của trạm đã ổn định: hình ảnh trở lại' : 'Mạng của trạm yếu: tạm thời chỉ nói chuyện bằng tiếng');
        break;
      case 'peer-lost': setCallState('Trạm mất kết nối, đang chờ kết nối lại…'); break;
      case 'peer-back': setCallState('Trạm đã kết nối lại'); startCall(); break;
      case 'ended': endCall(ENDED_BY[msg.by] || 'Cuộc gọi đã kết thúc.'); break;
      case 'note-saved': $('note-state').textContent = 'Đã lưu và gửi tới trạm.'; break;
      case 'error': setStatus(`Không thực hiện được: ${msg.detail}`); break;
      default: break;
    }
  }

  function renderLists(msg) {
    onDuty = msg.me_on_duty;
    $('duty').setAttribute('aria-pressed', String(onDuty));
    $('duty').textContent = onDuty ? 'Đang trực — bấm để nghỉ' : 'Bắt đầu trực';
    const names = (msg.on_duty || []).join(', ');
    if (!current) setStatus(onDuty ? `Bạn đang trực. Người trực: ${names}.` : `Bạn chưa trực. Người trực: ${names || 'chưa có'}.`);
    $('waiting-count').textContent = String(msg.waiting.length);
    const waiting = $('waiting'); waiting.replaceChildren();
    msg.waiting.forEach((item) => {
      const li = el('li'); li.dataset.cid = item.consultation_id;
      li.append(el('b', who(item.resident), 'line'), el('span', `Chờ từ ${time(item.created_at)}`, 'line muted'),
        el('span', summary(item.readings) || 'Không có chỉ số', 'line readings-summary'));
      if (item.trend.length) {
        const last = item.trend[0];
        li.append(el('span', `${item.trend.length} lần đo trước — gần nhất ${time(last.at)}: ${summary(last.readings)}`, 'line trend-summary'));
      }
      const button = el('button', 'Nhận cuộc gọi'); button.type = 'button';
      button.disabled = !onDuty || current !== null;
      button.addEventListener('click', () => send({ type: 'accept', consultation_id: item.consultation_id }));
      li.append(button); waiting.append(li);
    });
    if (!msg.waiting.length) waiting.append(el('li', 'Không có ai đang chờ', 'empty'));
    const missed = $('missed'); missed.replaceChildren();
    msg.missed.forEach((item) => {
      const li = el('li'); li.append(el('b', who(item.resident), 'line'), el('span', time(item.created_at), 'line muted'),
        el('span', summary(item.readings), 'line')); missed.append(li);
    });
    if (!msg.missed.length) missed.append(el('li', 'Không có', 'empty'));
    const callbacks = $('callbacks'); callbacks.replaceChildren();
    msg.callbacks.forEach((item) => {
      const li = el('li'); li.append(el('b', `${item.name || 'Người dân'} — ${item.phone || 'không có số'}`, 'line'),
        el('span', `${item.reference || ''} · ${time(item.received_at)}`, 'line muted'), el('span', summary(item.readings), 'line'));
      callbacks.append(li);
    });
    if (!msg.callbacks.length) callbacks.append(el('li', 'Không có', 'empty'));
  }

  function showConsultation(c) {
    $('resident').textContent = who(c.resident);
    const body = $('readings').tBodies[0]; body.replaceChildren();
    Object.values(c.readings || {}).forEach((r) => {
      const tr = el('tr'); tr.append(el('td', r.label), el('td', `${r.value}${r.unit ? ' ' + r.unit : ''}`),
        el('td', LEVELS[r.level] || r.level || '', r.level ? `level-${r.level}` : '')); body.append(tr);
    });
    const trend = $('trend'); trend.replaceChildren();
    c.trend.forEach((t) => trend.append(el('li', `${time(t.at)}: ${summary(t.readings)}`)));
    if (!c.trend.length) trend.append(el('li', 'Chưa có (hoặc người dân không đồng ý liên kết)', 'muted'));
    ['caption-text', 'caption-send', 'note', 'advice', 'note-send', 'hangup'].forEach((id) => { $(id).disabled = false; });
    $('note-state').textContent = '';
    setStatus(`Đang khám: ${who(c.resident)}`);
  }

  function gathered(conn) {
    // Non-trickle ICE: the offer is sent once with all candidates (the kiosk's aiortc answers the same way).
    if (conn.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => { if (conn.iceGatheringState === 'complete') { conn.removeEventListener('icegatheringstatechange', check); resolve(); } };
      conn.addEventListener('icegatheringstatechange', check);
      setTimeout(resolve, 5000);
    });
  }

  async function startCall() {
    if (!local) {
      local = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
        video: { width: 640, height: 480 },
      });
      $('local').srcObject = local;
    }
    if (pc) pc.close();
    const conn = new RTCPeerConnection({ iceServers });
    pc = conn;
    local.getTracks().forEach((track) => conn.addTrack(track, local));
    const remote = new MediaStream();
    $('remote').srcObject = remote;
    conn.ontrack = (event) => remote.addTrack(event.track);
    conn.onconnectionstatechange = () => {
      if (pc !== conn) return;
      const text = { connected: 'Đã kết nối', connecting: 'Đang kết nối…', disconnected: 'Mạng chập chờn…',
        failed: 'Mất kết nối hình ảnh', closed: 'Đã đóng' }[conn.connectionState];
      if (text) setCallState(text);
    };
    await conn.setLocalDescription(await conn.createOffer());
    await gathered(conn);
    send({ type: 'offer', sdp: conn.localDescription.sdp });
    setCallState('Đang kết nối…');
  }

  function setVideo(on) {
    // On a weak network the picture pauses both ways: sound gets the bandwidth (the kiosk stops sending too). A
    // disabled track sends black frames at a few kbit/s, so the stream (and its decoder) stays in step and the
    // picture comes back at once, without waiting for a key frame.
    videoOn = on;
    if (local) local.getVideoTracks().forEach((track) => { track.enabled = on; });
  }

  function endCall(text) {
    videoOn = true;
    if (pc) { pc.close(); pc = null; }
    if (local) { local.getTracks().forEach((t) => t.stop()); local = null; $('local').srcObject = null; }
    $('remote').srcObject = null;
    ['caption-text', 'caption-send', 'hangup'].forEach((id) => { $(id).disabled = true; });
    setCallState(text);
    setStatus(`${text} Bạn vẫn có thể lưu ghi chú cho lần khám này.`);
    current = current && { ...current, ended: true };
    const c = current; current = null;
    if (c) { $('note-send').dataset.cid = c.consultation_id; }
  }

  $('duty').addEventListener('click', () => send({ type: 'duty', on: !onDuty }));
  $('hangup').addEventListener('click', () => send({ type: 'hangup' }));
  $('caption-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('caption-text').value.trim();
    if (!text) return;
    send({ type: 'caption', text });
    $('captions').prepend(el('li', text));
    $('caption-text').value = '';
  });
  $('note-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const cid = current ? current.consultation_id : $('note-send').dataset.cid;
    if (!cid || !$('note').value.trim()) { $('note-state').textContent = 'Vui lòng viết ghi chú trước khi gửi.'; return; }
    send({ type: 'note', consultation_id: cid, note: $('note').value, advice: $('advice').value });
    $('note-state').textContent = 'Đang lưu…';
  });

  // For the end-to-end test and for support: what flows on the current connection (getStats()).
  window.telehealth = {
    async counts() {
      const out = { videoFramesReceived: 0, videoFramesSent: 0, audioBytesReceived: 0, audioPacketsSent: 0, state: pc ? pc.connectionState : 'none', videoOn };
      if (!pc) return out;
      (await pc.getStats()).forEach((r) => {
        if (r.type === 'inbound-rtp' && r.kind === 'video') out.videoFramesReceived += r.framesDecoded || 0;
        if (r.type === 'outbound-rtp' && r.kind === 'video') out.videoFramesSent += r.framesEncoded || 0;
        if (r.type === 'inbound-rtp' && r.kind === 'audio') out.audioBytesReceived += r.bytesReceived || 0;
        if (r.type === 'outbound-rtp' && r.kind === 'audio') out.audioPacketsSent += r.packetsSent || 0;
      });
      return out;
    },
  };
  connect();
})();
