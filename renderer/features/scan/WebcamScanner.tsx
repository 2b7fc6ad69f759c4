/**
 * Scan with webcam: a live preview with a framing guide and a camera picker when there are
 * several. Frames go to the decode worker one at a time at the camera's own pace
 * (requestVideoFrameCallback; FrameGate keeps at most one in flight), so the UI never stalls.
 * Each new QR text is reported once; a single-account link stops the camera at once, Google
 * export parts keep it running until the dialog moves on. Tracks stop on success, on an error,
 * when this unmounts (cancel, close) and when the window goes away (pagehide).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { AppInfo } from '../../../shared/api';
import { describeQrText } from '../../../shared/otp/qr-text';
import { api } from '../../api-client';
import { errorText, useI18n } from '../../i18n/I18nContext';
import { scanImageData } from '../../qr/client';
import { FrameGate, freshTexts } from './frame-gate';
import { firstFrame, stopStream, videoPixels } from './media';
import { mediaError } from './media-errors';
import './scan.css';

interface WebcamScannerProps {
  platform: AppInfo['platform'] | undefined;
  /** QR texts seen for the first time (any kind; the caller decides what they mean). */
  onFound(texts: string[]): void;
}

type Status = 'starting' | 'scanning' | 'found' | 'stopped';

function videoConstraints(cameraId: string | null): MediaStreamConstraints {
  const size = { width: { ideal: 1280 }, height: { ideal: 720 } };
  return { video: cameraId ? { ...size, deviceId: { exact: cameraId } } : size, audio: false };
}

/** The live scanner; remount it (a new `key`) to start again. */
export function WebcamScanner({ platform, onFound }: WebcamScannerProps) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [status, setStatus] = useState<Status>('starting');
  const [error, setError] = useState<string | null>(null);
  const onFoundRef = useRef(onFound);
  const stopRef = useRef<() => void>(() => undefined);
  const pickerId = useId();
  useEffect(() => {
    onFoundRef.current = onFound;
  });

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const gate = new FrameGate();
    const seen = new Set<string>();
    const canvas = new OffscreenCanvas(1, 1);
    let stream: MediaStream | null = null;
    let frameCallback = 0;

    const stop = () => {
      gate.stop();
      element.cancelVideoFrameCallback(frameCallback);
      stopStream(stream);
      stream = null;
      element.srcObject = null;
      // Main grants the camera only between beginCameraScan and this.
      void api.endCameraScan().catch(() => undefined);
    };
    const fail = (caught: unknown) => {
      if (gate.isStopped) return;
      stop();
      setStatus('stopped');
      setError(errorText(t, mediaError(caught, 'camera', platform)));
    };
    const onResult = (texts: string[]) => {
      if (!gate.finish()) return;
      const fresh = freshTexts(seen, texts);
      if (fresh.length === 0) return;
      const kinds = fresh.map(describeQrText);
      if (kinds.some((kind) => kind === 'otpauth' || kind === 'otpauth-migration')) setStatus('found');
      // One account: done. Google export parts: keep filming for the next part.
      if (kinds.includes('otpauth')) stop();
      onFoundRef.current(fresh);
    };
    const onFrame = () => {
      if (gate.isStopped) return;
      if (gate.tryStart()) {
        const pixels = videoPixels(element, canvas);
        (pixels ? scanImageData(pixels, { live: true }) : Promise.resolve([])).then(onResult, (caught: unknown) => {
          if (gate.finish()) fail(caught);
        });
      }
      frameCallback = element.requestVideoFrameCallback(onFrame);
    };

    stopRef.current = () => {
      stop();
      setStatus('stopped');
    };
    window.addEventListener('pagehide', stop);
    // Main first checks that the OS lets us film (macOS asks, or answers with the settings guide).
    api
      .beginCameraScan()
      .then(() => navigator.mediaDevices.getUserMedia(videoConstraints(cameraId)))
      .then(async (opened) => {
        if (gate.isStopped) {
          stopStream(opened); // Closed while the camera was starting.
          return;
        }
        stream = opened;
        element.srcObject = opened;
        await firstFrame(element);
        if (gate.isStopped) return;
        setStatus((old) => (old === 'found' ? old : 'scanning'));
        frameCallback = element.requestVideoFrameCallback(onFrame);
        // Labels are only given once a camera is open.
        const devices = await navigator.mediaDevices.enumerateDevices();
        setCameras(devices.filter((device) => device.kind === 'videoinput'));
      })
      .catch(fail);
    return () => {
      window.removeEventListener('pagehide', stop);
      stop();
    };
  }, [cameraId, platform, t]);

  const statusKey = ({ starting: 'app.scan.webcam.starting', scanning: 'app.scan.webcam.scanning', found: 'app.scan.webcam.found', stopped: null } as const)[status];
  return (
    <div className="webcam" data-testid="webcam-scanner">
      {error && (
        <p className="form-error" role="alert" data-testid="webcam-error">
          {error}
        </p>
      )}
      {cameras.length > 1 && (
        <p className="field">
          <label htmlFor={pickerId}>{t('app.scan.webcam.camera')}</label>{' '}
          <select id={pickerId} value={cameraId ?? cameras[0]?.deviceId ?? ''} onChange={(event) => setCameraId(event.target.value)}>
            {cameras.map((camera, index) => (
              <option key={camera.deviceId} value={camera.deviceId}>
                {camera.label || `${t('app.scan.webcam.camera')} ${index + 1}`}
              </option>
            ))}
          </select>
        </p>
      )}
      <div className={`webcam-view${status === 'found' ? ' found' : ''}`} hidden={Boolean(error)}>
        <video ref={video} muted playsInline aria-label={t('app.scan.webcam.preview')} />
        <div className="webcam-guide" aria-hidden="true" />
      </div>
      {statusKey && (
        <p role="status" className="field-hint" data-testid="webcam-status">
          {t(statusKey)} {status !== 'found' && t('app.scan.webcam.guide')}
        </p>
      )}
      {status === 'scanning' && (
        <button type="button" className="button" onClick={() => stopRef.current()}>
          {t('app.scan.webcam.stop')}
        </button>
      )}
    </div>
  );
}
