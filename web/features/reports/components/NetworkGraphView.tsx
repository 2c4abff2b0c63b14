import { Box, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { drawNetwork, NETWORK_COLOURS } from '../../../../common/network-drawing.ts';
import type { NetworkGraph } from '../../../../common/reports-api.ts';
import type { Language } from '../../../lib/types.ts';

/** Who works with whom, drawn; the table of the strongest links beside it says the same in words. */
export function NetworkGraphView({ graph, language }: { graph: NetworkGraph; language: Language }) {
  const { lines, points } = drawNetwork(graph, language);
  // The drawing shrinks to about half on a phone: labels twice as large there stay readable (about 11 px).
  const narrow = useMediaQuery('(max-width: 36em)');
  const fontSize = narrow ? 22 : 12;
  return (
    <Box>
      <Title order={3} size="h5" mb="xs">
        {graph.title[language]}
      </Title>
      <svg
        viewBox={`0 0 ${graph.width} ${graph.height}`}
        width="100%"
        style={{ maxWidth: graph.width, height: 'auto', display: 'block' }}
        role="img"
        aria-label={graph.title[language]}
      >
        {lines.map((line) => (
          <line
            key={line.key}
            {...{ x1: line.x1, y1: line.y1, x2: line.x2, y2: line.y2 }}
            stroke={NETWORK_COLOURS.line}
            strokeOpacity={0.7}
            strokeWidth={line.width}
          />
        ))}
        {points.map((point) => (
          <g key={point.key}>
            <title>{point.name}</title>
            <circle
              cx={point.x}
              cy={point.y}
              r={point.r}
              fill={NETWORK_COLOURS.point}
              stroke="#fff"
              strokeWidth={2}
            />
            <text
              x={point.text.x}
              y={point.text.y + (fontSize - 12)}
              textAnchor={point.text.anchor}
              fontSize={fontSize}
              fill={NETWORK_COLOURS.text}
              stroke={NETWORK_COLOURS.halo}
              strokeWidth={3}
              paintOrder="stroke"
            >
              {point.text.value}
            </text>
          </g>
        ))}
      </svg>
    </Box>
  );
}
