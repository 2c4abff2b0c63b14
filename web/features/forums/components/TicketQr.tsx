import { Image, Loader } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The ticket's QR code, drawn here from its opaque code (the server never spends CPU on the picture). */
export function TicketQr({ code }: { code: string }) {
  const { t } = useTranslation();
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then((s) => {
      if (current) setSvg(s);
    });
    return () => {
      current = false;
    };
  }, [code]);
  if (!svg) return <Loader />;
  return (
    <Image
      src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`}
      alt={t('forums.ticketAlt')}
      w="min(80vw, 320px)"
      h="auto"
      bg="white"
      p="xs"
      data-testid="ticket-qr"
    />
  );
}
